package org.whistle.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.whistle.events.TopicDefinition;
import org.whistle.events.Topics;
import org.whistle.testing.TestInfrastructure;

/**
 * An idempotent producer that writes to a topic the moment {@link Topics#ensureCreated} returns must not meet the window
 * in which the topic is in the metadata but its leader does not serve it yet: there, one request is refused, the next
 * appended, and the first retried with OUT_OF_ORDER_SEQUENCE_NUMBER until it expires (seen in the SLA clock bench).
 */
class NewTopicsTest {

    private static final int PARTITIONS = 12;

    @Test
    void everyPartitionOfAJustCreatedTopicTakesAnIdempotentProducersFirstRequests() throws Exception {
        var bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                var producer = producer(bootstrap)) {
            for (int round = 0; round < 5; round++) {
                var topic = new TopicDefinition(
                        "new-topics-test-" + UUID.randomUUID(), PARTITIONS, false, Duration.ofHours(1));
                Topics.ensureCreated(admin, List.of(topic), (short) 1);

                var sends = new ArrayList<Future<RecordMetadata>>();
                for (int record = 0; record < 50 * PARTITIONS; record++) {
                    sends.add(producer.send(
                            new ProducerRecord<>(topic.name(), record % PARTITIONS, "k" + record, "v" + record)));
                }
                producer.flush();
                for (var send : sends) {
                    // The producer's delivery timeout is 15 s: a request stuck behind a refused first one fails here.
                    assertThat(send.get(20, TimeUnit.SECONDS).hasOffset()).isTrue();
                }
                admin.deleteTopics(List.of(topic.name())).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        0,
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                        5,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        5_000,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        (int) Duration.ofSeconds(15).toMillis()),
                new StringSerializer(),
                new StringSerializer());
    }
}
