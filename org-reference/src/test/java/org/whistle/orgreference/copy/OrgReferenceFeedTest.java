package org.whistle.orgreference.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.TraceIds;
import org.whistle.testing.TestInfrastructure;

/** The feed on a real broker, configured only through {@code spring.kafka.*} as a service configures it. */
class OrgReferenceFeedTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, OrgReferenceAutoConfiguration.class))
            .withPropertyValues(
                    "spring.kafka.bootstrap-servers=" + TestInfrastructure.get().kafkaBootstrapServers(),
                    // A service's own listeners have a group; the feed must neither join nor commit to it.
                    "spring.kafka.consumer.group-id=" + GROUP);

    private static final String GROUP = "feed-test-" + UUID.randomUUID();

    @Test
    void readsWhatWasPublishedBeforeItStartedThenFollowsWithoutAGroup() throws Exception {
        var before = unit("before-" + UUID.randomUUID());
        publish(before);

        service.run(context -> {
            var feed = context.getBean(OrgReferenceFeed.class);
            var copy = context.getBean(OrgReferenceCopy.class);
            assertThat(feed.awaitCaughtUp(PATIENCE)).as("caught up").isTrue();
            assertThat(copy.unit(before.unitId()))
                    .as("published before the start")
                    .isPresent();

            var after = unit("after-" + UUID.randomUUID());
            publish(after);
            await().atMost(PATIENCE).until(() -> copy.unit(after.unitId()).isPresent());

            try (var admin = Admin.create(Map.<String, Object>of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.get().kafkaBootstrapServers()))) {
                var committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get();
                assertThat(committed)
                        .as("offsets committed to the service's group")
                        .isEmpty();
            }
        });
    }

    @Test
    void takesTheServicesWholeKafkaConfigurationSecurityIncluded() {
        var kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of("kafka-bootstrap:9093"));
        kafka.getSecurity().setProtocol("SASL_SSL");
        kafka.getProperties().put("sasl.mechanism", "SCRAM-SHA-512");
        kafka.getSsl().setTrustStoreLocation(new org.springframework.core.io.FileSystemResource("/etc/kafka/ca.p12"));
        kafka.getConsumer().setGroupId("sla-service");

        var config = OrgReferenceFeed.consumers(kafka).getConfigurationProperties();

        assertThat(config)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/ca.p12")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG);
        assertThat(config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG).toString())
                .contains("kafka-bootstrap:9093");
    }

    private static OrgUnitChanged unit(String id) {
        return new OrgUnitChanged(
                id, id, "测试街道", "STREET", null, List.of(), null, true, LocalDate.of(2024, 1, 1), null, null, null);
    }

    private static void publish(OrgUnitChanged unit) {
        EventEnvelope<?> envelope = EventEnvelope.wrap(unit, 1, "test", TraceIds.newTraceId(), Clock.systemUTC());
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                    envelope.topic(), envelope.key(), EventCodec.instance().encode(envelope)));
            producer.flush();
        }
    }
}
