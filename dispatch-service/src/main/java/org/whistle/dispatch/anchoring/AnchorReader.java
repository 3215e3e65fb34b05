package org.whistle.dispatch.anchoring;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import org.whistle.dispatch.ticket.DispatchProperties;
import org.whistle.events.EventCodec;
import org.whistle.events.EventDecodingException;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TicketId;
import org.whistle.events.TimelineCheckpoint;
import org.whistle.events.Topics;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.WhistleSupervised;

/**
 * Reads a ticket's anchors back from Kafka, never from dispatch's tables (ADR 0016): the timeline heads in dispatch's
 * own events about the ticket (on the one partition of each topic its whistle's key lands on) and the checkpoints
 * that name it, each checked against the trusted keys. Reads from the ticket's creation — taken from its UUIDv7 id,
 * which a database writer cannot move — less the allowed clock skew, up to the end of each partition as it was when
 * reading began, and at most {@code maxScannedRecords} records.
 */
@Component
class AnchorReader {

    static final List<String> DISPATCH_TOPICS =
            List.of(Topics.WHISTLE_ROUTED, Topics.WHISTLE_REPORTED, Topics.WHISTLE_CLOSED);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final KafkaProperties kafka;
    private final AnchorKeys keys;
    private final DispatchProperties.Anchors settings;

    AnchorReader(KafkaProperties kafka, AnchorKeys keys, DispatchProperties properties) {
        this.kafka = kafka;
        this.keys = keys;
        this.settings = properties.anchors();
    }

    /** What Kafka holds about one ticket's timeline. */
    record Anchors(List<EventAnchor> events, List<CheckpointAnchor> checkpoints, List<String> problems) {}

    /** A dispatch event about the ticket, with the head it carried. */
    record EventAnchor(String topic, long sequence, String hash, EventEnvelope<?> event) {}

    /** A checkpoint naming the ticket's head; {@code trusted} when its root and signature verify. */
    record CheckpointAnchor(long number, Instant at, long sequence, String hash, boolean trusted) {}

    /** @throws AnchorsUnavailableException when Kafka cannot be read */
    Anchors read(TicketId ticket, WhistleId whistle) {
        try {
            return readFromKafka(ticket, whistle);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new AnchorsUnavailableException(e);
        }
    }

    private Anchors readFromKafka(TicketId ticket, WhistleId whistle) {
        var since = Instant.ofEpochMilli(org.whistle.events.EventIds.timestampOf(ticket.value()))
                .minus(settings.clockSkew());
        var events = new ArrayList<EventAnchor>();
        var checkpoints = new ArrayList<CheckpointAnchor>();
        var problems = new ArrayList<String>();
        var budget = new long[] {settings.maxScannedRecords()};
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        var key = whistle.toString();
        try (var consumer = consumer()) {
            for (var topic : DISPATCH_TOPICS) {
                int partitions = consumer.partitionsFor(topic).size();
                var partition = new TopicPartition(
                        topic, Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions);
                scan(consumer, partition, since, budget, deadline, problems, record -> {
                    if (!key.equals(record.key())) {
                        return;
                    }
                    decode(record).ifPresent(event -> {
                        if (!CheckpointingTimelines.PRODUCER.equals(event.producer())) {
                            return;
                        }
                        var head = switch (event.data()) {
                            case WhistleRouted e when e.ticketId().equals(ticket) -> e.timelineHead();
                            case WhistleReported e when e.ticketId().equals(ticket) -> e.timelineHead();
                            case WhistleClosed e when e.ticketId().equals(ticket) -> e.timelineHead();
                            case WhistleSupervised e when e.ticketId().equals(ticket) -> e.timelineHead();
                            default -> null;
                        };
                        if (head != null) {
                            events.add(new EventAnchor(topic, head.sequence(), head.hash(), event));
                        }
                    });
                });
            }
            scan(consumer, new TopicPartition(Topics.TIMELINE_CHECKPOINTS, 0), since, budget, deadline, problems, r -> {
                decode(r).ifPresent(event -> {
                    if (!(event.data() instanceof TimelineCheckpoint checkpoint)) {
                        return;
                    }
                    var ours = checkpoint.heads().stream()
                            .filter(head -> head.ticketId().equals(ticket))
                            .toList();
                    if (ours.isEmpty()) {
                        return;
                    }
                    boolean trusted = keys.trustedKey(checkpoint.keyId())
                            .map(checkpoint::verifiesWith)
                            .orElse(false);
                    if (!trusted) {
                        problems.add("检查点第 " + checkpoint.number() + " 号的签名或默克尔根无法用受信任的公钥验证，未作为锚点");
                    }
                    ours.forEach(head -> checkpoints.add(new CheckpointAnchor(
                            checkpoint.number(), checkpoint.at(), head.sequence(), head.hash(), trusted)));
                });
            });
        }
        return new Anchors(events, checkpoints, problems);
    }

    private void scan(
            KafkaConsumer<String, byte[]> consumer,
            TopicPartition partition,
            Instant since,
            long[] budget,
            long deadline,
            List<String> problems,
            Consumer<ConsumerRecord<String, byte[]>> each) {
        consumer.assign(List.of(partition));
        var start = consumer.offsetsForTimes(Map.of(partition, since.toEpochMilli()))
                .get(partition);
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        if (start == null || start.offset() >= end) {
            return;
        }
        consumer.seek(partition, start.offset());
        while (consumer.position(partition) < end) {
            if (budget[0] <= 0 || System.nanoTime() > deadline) {
                problems.add("读取 " + partition.topic() + " 时达到读取上限，之后的锚点未核对");
                return;
            }
            for (var record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() >= end) {
                    return;
                }
                budget[0]--;
                each.accept(record);
            }
        }
    }

    private static java.util.Optional<EventEnvelope<?>> decode(ConsumerRecord<String, byte[]> record) {
        try {
            return java.util.Optional.of(EventCodec.instance().decode(record.value()));
        } catch (EventDecodingException e) {
            return java.util.Optional.empty();
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dispatch-anchor-reader");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A broker that does not answer makes the verification fail in seconds, not hang the request.
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
