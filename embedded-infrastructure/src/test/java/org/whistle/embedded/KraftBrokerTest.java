package org.whistle.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraftBrokerTest {

    @TempDir
    static Path dataDir;

    private static KraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KraftBroker.start(dataDir, 0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void deliversARecordProducedWithAcksAllAndIdempotenceToAConsumerGroup() throws Exception {
        var topic = uniqueTopic();
        createTopic(topic, 3);

        var sent = produce(topic, "whistle-1", "a broken street lamp");

        assertThat(sent.partition()).isBetween(0, 2);
        assertThat(consumeValues(topic, 1)).containsExactly("a broken street lamp");
    }

    @Test
    void keepsTopicsAndRecordsAcrossRestartOnTheSameDirectory() throws Exception {
        var topic = uniqueTopic();
        createTopic(topic, 12);
        produce(topic, "whistle-2", "graffiti on the school wall");

        broker.close();
        broker = KraftBroker.start(dataDir, 0);

        try (var admin = admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(topic);
            assertThat(admin.describeTopics(Set.of(topic))
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS)
                            .get(topic)
                            .partitions())
                    .hasSize(12);
        }
        assertThat(consumeValues(topic, 1)).containsExactly("graffiti on the school wall");

        var createdAfterRestart = uniqueTopic();
        createTopic(createdAfterRestart, 1);
        produce(createdAfterRestart, "whistle-3", "a fallen tree");
        assertThat(consumeValues(createdAfterRestart, 1)).containsExactly("a fallen tree");
    }

    @Test
    void refusesToCreateTopicsImplicitly() {
        var topic = uniqueTopic();

        try (var producer = producer(Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> producer.partitionsFor(topic)).isInstanceOf(TimeoutException.class);
        }
        try (var admin = admin()) {
            assertThatThrownBy(() ->
                            admin.describeTopics(Set.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
        }
    }

    @Test
    void failsWithTheAddressInTheMessageWhenItsPortIsTaken(@TempDir Path otherDir) throws Exception {
        try (var occupant = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var port = occupant.getLocalPort();

            assertThatThrownBy(() -> KraftBroker.start(otherDir, port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasRootCauseInstanceOf(BindException.class);
        }
    }

    @Test
    void bindsTheLoopbackInterfaceOnly() {
        assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
    }

    private static String uniqueTopic() {
        return "test-" + UUID.randomUUID();
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        try (var admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static RecordMetadata produce(String topic, String key, String value) throws Exception {
        try (var producer = producer(Duration.ofSeconds(30))) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consumeValues(String topic, int expected) {
        var values = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return values.size() >= expected;
            });
            consumer.commitSync();
        }
        return values;
    }

    private static KafkaProducer<String, String> producer(Duration maxBlock) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                (int) maxBlock.toMillis(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
