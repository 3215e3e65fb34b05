package org.whistle.systemtests.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads topics as a downstream service would see them ({@code read_committed}), from their end as of now, keeping
 * every record with its position; rides out a broker restart on the same address.
 */
final class TopicWatcher implements AutoCloseable {

    /** One record: where it was, what it held, and the dead-letter reason header where there is one. */
    record Seen(
            String topic,
            int partition,
            long offset,
            String key,
            byte[] value,
            @Nullable String reason) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread thread;

    TopicWatcher(String bootstrap, List<String> topics) {
        consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                        100),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        var partitions = new ArrayList<TopicPartition>();
        for (var topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = Thread.ofPlatform().name("topic-watcher").daemon().start(this::run);
    }

    private void run() {
        try {
            while (!stopping.get()) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    var reason = record.headers().lastHeader("whistle-dlt-reason");
                    seen.add(new Seen(
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            record.key(),
                            record.value(),
                            reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8)));
                }
            }
        } catch (RuntimeException e) {
            failure.set(e);
        } finally {
            consumer.close();
        }
    }

    /** Everything read so far. */
    List<Seen> seen() {
        if (failure.get() != null) {
            throw failure.get();
        }
        return List.copyOf(seen);
    }

    int count() {
        return seen.size();
    }

    @Override
    public void close() throws InterruptedException {
        stopping.set(true);
        thread.join(30_000);
    }
}
