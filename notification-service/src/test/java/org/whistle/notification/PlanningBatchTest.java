package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties;
import org.whistle.events.EventCodec;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.TicketState;
import org.whistle.events.Topics;
import org.whistle.events.WhistleRouted;
import org.whistle.messaging.deadletter.DeadLetters;
import org.whistle.notification.rules.RuleTable;
import org.whistle.testing.TestInfrastructure;

/**
 * A poll is planned in one transaction, a bad record in it goes to the dead-letter topic alone while the good ones
 * around it are planned once, and the rules are read again only when they change.
 */
class PlanningBatchTest extends NotificationServiceTest {

    @Autowired
    private RuleTable rules;

    @Autowired
    private KafkaListenerEndpointRegistry listenerContainers;

    @Test
    void commitsOffsetsOnceASecondRatherThanAfterEveryPoll() {
        var properties =
                listenerContainers.getListenerContainer("notification-planner").getContainerProperties();
        assertThat(properties.getAckMode()).isEqualTo(ContainerProperties.AckMode.COUNT_TIME);
        assertThat(properties.getAckTime()).isEqualTo(1_000);
    }

    @Test
    void aBadRecordInAPollGoesAloneToTheDeadLetterTopicAndTheRestIsPlannedOnce() throws Exception {
        var whistle = raise(userReporter("resident-batch"));
        var key = whistle.id().toString();
        var filed = routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED);
        var verified = routed(whistle, WhistleRouted.Action.VERIFIED, TicketState.VERIFIED);
        var notAWhistleEvent = envelope(new OrgUnitChanged(
                "X-" + UUID.randomUUID(),
                "X",
                "not a whistle",
                "GRID",
                "S1",
                List.of("C", "D", "S1"),
                null,
                true,
                LocalDate.of(2024, 1, 1),
                null,
                null,
                null));

        // One producer batch on one partition, so the consumer most likely takes all four in one poll.
        try (var producer = new KafkaProducer<String, byte[]>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        200),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(record(key, EventCodec.instance().encode(filed)));
            producer.send(record(key, EventCodec.instance().encode(notAWhistleEvent)));
            producer.send(record(key, "not an event".getBytes(StandardCharsets.UTF_8)));
            producer.send(record(key, EventCodec.instance().encode(verified)));
            producer.flush();
        }

        assertThat(settledDeliveries(filed)).isNotEmpty();
        assertThat(settledDeliveries(verified)).isNotEmpty();
        var dead = deadLetters(key, 2);
        assertThat(dead)
                .extracting(record -> new String(
                        record.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8))
                .satisfiesExactlyInAnyOrder(
                        reason -> assertThat(reason).startsWith("PoisonEventException"),
                        reason -> assertThat(reason).startsWith("EventDecodingException"));
        assertThat(dead)
                .extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .contains("not an event");
        assertThat(handled(filed)).isTrue();
        assertThat(handled(verified)).isTrue();
    }

    @Test
    void readsTheRulesAgainOnlyWhenTheyChangedWhereverTheyWereChanged() {
        var whistle = raise(userReporter("resident-rules"));
        var filed = routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED);
        publish(filed);
        settledDeliveries(filed);
        long loads = rules.loads();

        var verified = routed(whistle, WhistleRouted.Action.VERIFIED, TicketState.VERIFIED);
        publish(verified);
        settledDeliveries(verified);
        assertThat(rules.loads()).as("no change, no read").isEqualTo(loads);

        // As another instance (or an operator) would: straight into the table, past this instance's API.
        long rule = jdbc.sql("""
                        INSERT INTO notification_rule (event_type, qualifier, selector, channels, urgency, description)
                        VALUES ('whistle-escalated', 'RED_LIST', 'REPORTER', '{INBOX}', 'URGENT',
                                'test: the reporter hears of the red list')
                        RETURNING id
                        """).query(Long.class).single();
        try {
            var escalation = escalated(whistle, true);
            publish(escalation);
            assertThat(settledDeliveries(escalation)).extracting(Row::recipient).contains("user:resident-rules");
            assertThat(rules.loads()).as("read once after the change").isEqualTo(loads + 1);
        } finally {
            jdbc.sql("DELETE FROM notification_rule WHERE id = :id")
                    .param("id", rule)
                    .update();
        }
    }

    @Test
    void aStatementThatChangesNoRuleLeavesTheRevisionAlone() {
        long before = revision();

        // what a refused change of an unknown rule runs
        jdbc.sql("UPDATE notification_rule SET active = active WHERE id = -1").update();
        jdbc.sql("DELETE FROM notification_rule WHERE id = -1").update();

        assertThat(revision()).as("nothing changed, nothing to reload").isEqualTo(before);
    }

    private long revision() {
        return jdbc.sql("SELECT revision FROM notification_rule_revision")
                .query(Long.class)
                .single();
    }

    private static ProducerRecord<String, byte[]> record(String key, byte[] value) {
        return new ProducerRecord<>(Topics.WHISTLE_ROUTED, key, value);
    }

    /** Waits for {@code expected} dead letters under the key, then makes sure no more come. */
    private static List<ConsumerRecord<String, byte[]>> deadLetters(String key, int expected) {
        var found = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = new KafkaConsumer<String, byte[]>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "dead-letters-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.WHISTLE_ROUTED)));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return found.size() >= expected;
            });
            // A doubled dead letter would follow its first copy closely.
            var end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        assertThat(found).hasSize(expected);
        return found;
    }
}
