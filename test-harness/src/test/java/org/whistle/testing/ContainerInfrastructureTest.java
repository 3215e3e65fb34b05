package org.whistle.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.whistle.events.Topics;

@Testcontainers(disabledWithoutDocker = true)
class ContainerInfrastructureTest {

    private static TestInfrastructure infrastructure;

    @BeforeAll
    static void startContainers() {
        infrastructure = TestInfrastructure.create(TestInfrastructure.Kind.TESTCONTAINERS);
    }

    @AfterAll
    static void stopContainers() {
        infrastructure.close();
    }

    @Test
    void deliversARecordThroughTheKafkaContainer() throws Exception {
        var servers = infrastructure.kafkaBootstrapServers();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.WHISTLE_RAISED, "whistle-1", "a blocked drain"))
                    .get(30, TimeUnit.SECONDS);
        }

        var values = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.WHISTLE_RAISED));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
            });
        }
        assertThat(values).containsExactly("a blocked drain");
    }

    @Test
    void runsQueriesInADatabaseOfThePostgresContainer() {
        var coordinates = infrastructure.newDatabase("containers");
        var jdbc = JdbcClient.create(coordinates.dataSource());

        assertThat(jdbc.sql("SELECT current_database()").query(String.class).single())
                .startsWith("containers_");
        assertThat(jdbc.sql("SELECT current_setting('server_version_num')::int / 10000")
                        .query(Integer.class)
                        .single())
                .isEqualTo(16);
    }
}
