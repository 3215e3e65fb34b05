package org.whistle.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.whistle.evaluation.streams.EventBatches;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Topics;
import org.whistle.messaging.inbox.IdempotentHandling;
import org.whistle.testing.TestInfrastructure;
import org.whistle.testing.TopicReader;

/**
 * A poll's case events are folded in one transaction, each still handled once; when one fails, the others are kept
 * and only that one is retried and dead-lettered (ADR 0037).
 */
class EventBatchesTest extends EvaluationServiceTest {

    private static final String CONSUMER = "evaluation.batch-test";

    @Autowired
    private EventBatches batches;

    @Autowired
    private IdempotentHandling handling;

    @Test
    void aBatchIsAppliedInOneTransactionEachEventOnce() {
        var events = newCase("T-BAT-1")
                .raised(day(LocalDate.of(2021, 3, 2)), null)
                .filed(day(LocalDate.of(2021, 3, 2)))
                .events();
        var transactions = new ArrayList<Long>();

        batches.handle(records(events), event -> handling.handleOnce(CONSUMER, event, () -> transactions.add(txid())));

        assertThat(transactions).hasSize(2);
        assertThat(Set.copyOf(transactions)).as("one transaction for the batch").hasSize(1);
        assertThat(handled(events)).containsExactlyInAnyOrderElementsOf(ids(events));

        batches.handle(records(events), event -> handling.handleOnce(CONSUMER, event, () -> transactions.add(txid())));
        assertThat(transactions).as("a redelivered batch changes nothing").hasSize(2);
    }

    @Test
    void aFailingEventFallsBackToOneByOneKeepingTheOnesBeforeIt() {
        var t = day(LocalDate.of(2021, 3, 3));
        var events = newCase("T-BAT-2")
                .raised(t, null)
                .filed(t)
                .filed(t.plusSeconds(1))
                .events();
        var bad = events.get(1);
        java.util.function.Consumer<EventEnvelope<?>> effect = event -> handling.handleOnce(CONSUMER, event, () -> {
            if (event.id().equals(bad.id())) {
                throw new IllegalStateException("this one fails");
            }
        });

        assertThatThrownBy(() -> batches.handle(records(events), effect))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(1));

        assertThat(handled(events))
                .as("the one before is kept, the failing one and those after are not yet handled")
                .containsExactly(events.getFirst().id());
    }

    @Test
    void anUndecodableRecordAmongACasesEventsIsDeadLetteredAndTheCaseFolded() throws Exception {
        var t = day(LocalDate.of(2021, 3, 4));
        var c = newCase("T-BAT-3").raised(t, null).filed(t.plusSeconds(60));
        var poisonKey = "batch-poison-" + UUID.randomUUID();
        var key = c.id().toString();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        50),
                new StringSerializer(),
                new ByteArraySerializer())) {
            // one key, so one partition and, sent together, most likely one poll
            producer.send(new ProducerRecord<>(
                    Topics.WHISTLE_RAISED, key, encode(c.events().get(0))));
            producer.send(new ProducerRecord<>(
                    Topics.WHISTLE_RAISED, key, ("not an event " + poisonKey).getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(
                    Topics.WHISTLE_ROUTED, key, encode(c.events().get(1))));
            producer.flush();
        }

        awaitFolded(c, 2);
        var dead = TopicReader.readUntil(
                Topics.deadLetterOf(Topics.WHISTLE_RAISED),
                read -> read.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(poisonKey)),
                PATIENCE);
        assertThat(dead.stream().filter(r -> key.equals(r.key())).toList())
                .as("only the undecodable record is dead-lettered")
                .hasSize(1);
    }

    private static byte[] encode(EventEnvelope<?> envelope) {
        return EventCodec.instance().encode(envelope);
    }

    private static List<ConsumerRecord<String, EventEnvelope<?>>> records(List<EventEnvelope<?>> events) {
        var records = new ArrayList<ConsumerRecord<String, EventEnvelope<?>>>();
        for (var event : events) {
            records.add(new ConsumerRecord<>("batch-test", 0, records.size(), event.key(), event));
        }
        return records;
    }

    private long txid() {
        return jdbc.sql("SELECT txid_current()").query(Long.class).single();
    }

    private List<UUID> handled(List<EventEnvelope<?>> events) {
        return jdbc.sql("SELECT event_id FROM messaging.handled_event WHERE consumer = :consumer"
                        + " AND event_id = ANY(:ids)")
                .param("consumer", CONSUMER)
                .param("ids", ids(events).toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    private static List<UUID> ids(List<EventEnvelope<?>> events) {
        return events.stream().map(EventEnvelope::id).toList();
    }
}
