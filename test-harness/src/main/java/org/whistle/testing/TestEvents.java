package org.whistle.testing;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.whistle.events.EventEnvelope;
import org.whistle.events.kafka.EnvelopeSerializer;

/**
 * Publishes events to the test broker as another service would (its topic and key), waiting for the broker's
 * acknowledgement, so a test that publishes and then awaits a consumer's effect knows the event is there. One producer
 * serves the whole test JVM.
 */
public final class TestEvents {

    private static final Lazy<KafkaProducer<String, EventEnvelope<?>>> PRODUCER = new Lazy<>(
            "the test event producer",
            () -> new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            TestInfrastructure.get().kafkaBootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all"),
                    new StringSerializer(),
                    new EnvelopeSerializer()));

    private TestEvents() {}

    /** Sends one envelope to its topic under its key and waits until the broker has it. */
    public static void publish(EventEnvelope<?> envelope) {
        try {
            PRODUCER.get()
                    .send(new ProducerRecord<>(envelope.topic(), envelope.key(), envelope))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + envelope.type(), e);
        }
    }
}
