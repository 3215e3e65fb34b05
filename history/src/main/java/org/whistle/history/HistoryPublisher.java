package org.whistle.history;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.whistle.events.EventEnvelope;
import org.whistle.events.kafka.EnvelopeSerializer;

/**
 * Publishes generated history to the topics the live services write (each event's own topic, keyed by whistle), with
 * an idempotent producer, in the order the events happened per case; returns once the broker has every one.
 */
public final class HistoryPublisher implements AutoCloseable {

    private final KafkaProducer<String, EventEnvelope<?>> producer;

    public HistoryPublisher(String bootstrapServers) {
        this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** With further producer settings (security for a broker that asks for it). */
    public HistoryPublisher(Map<String, Object> settings) {
        var config = new java.util.HashMap<String, Object>(settings);
        config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new EnvelopeSerializer());
    }

    /** Publishes every event of the cases; the number published. */
    public long publish(Collection<PlannedCase> cases) {
        long count = 0;
        var failure = new AtomicReference<Exception>();
        for (var planned : cases) {
            for (var event : planned.events()) {
                if (!event.isHistory()) {
                    throw new IllegalArgumentException("only history is published here: " + event.id());
                }
                producer.send(new ProducerRecord<>(event.topic(), event.key(), event), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
                count++;
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("the broker refused history: " + failure.get(), failure.get());
        }
        return count;
    }

    @Override
    public void close() {
        producer.close();
    }
}
