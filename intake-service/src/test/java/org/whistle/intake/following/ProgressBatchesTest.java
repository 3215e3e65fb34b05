package org.whistle.intake.following;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchMessageListener;
import org.whistle.events.Actor;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.TraceIds;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleRouted;
import org.whistle.events.kafka.EnvelopeSerializer;
import org.whistle.intake.support.IntakeTest;
import org.whistle.testing.TestInfrastructure;

/**
 * Issue 22: the reporter's read model applies a poll's lifecycle events in one transaction (one commit per poll, not
 * per event), and a batch delivered again — a crash before its offsets were committed — adds no timeline entry twice.
 */
class ProgressBatchesTest extends IntakeTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private final TicketId ticket = TicketId.newId();

    @Test
    void theReadModelTakesAPollAsOneBatch() {
        var containers = listeners.getListenerContainers().stream()
                .filter(container -> container.getGroupId().equals(WhistleProgress.CONSUMER))
                .toList();
        assertThat(containers).isNotEmpty();
        for (var container : containers) {
            assertThat(container.getContainerProperties().getMessageListener())
                    .as("the read model's listener takes a poll's records at once")
                    .isInstanceOf(BatchMessageListener.class);
            assertThat(container)
                    .isInstanceOfSatisfying(
                            AbstractMessageListenerContainer.class,
                            c -> assertThat(c.getContainerProperties()
                                            .getKafkaConsumerProperties()
                                            .getProperty("max.poll.records"))
                                    .isEqualTo(Integer.toString(ProgressBatches.MAX_POLL_RECORDS)));
        }
    }

    @Test
    void aBatchDeliveredAgainAddsNoTimelineEntryTwice() {
        var raised = postJson("/api/whistles", whistle("batch " + UUID.randomUUID()), device())
                .json();
        var id = raised.get("id").asString();
        var code = raised.get("trackingCode").asString();
        var filed = envelope(1, routed(id, WhistleRouted.Action.FILED, TicketState.FILED));
        var summoned = envelope(2, routed(id, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED));
        send(filed, summoned);
        await().atMost(PATIENCE).until(() -> status(code).equals("DISPATCHED"));

        // the same records again, then a later step of the same whistle on the same partition
        var suspended = envelope(3, routed(id, WhistleRouted.Action.SUSPENDED, TicketState.SUSPENDED));
        send(filed, summoned, suspended);
        await().atMost(PATIENCE).until(() -> status(code).equals("SUSPENDED"));

        assertThat(track(code).get("timeline").findValuesAsString("kind"))
                .containsExactly("RAISED", "FILED", "SUMMONED", "SUSPENDED");
    }

    private String status(String code) {
        return track(code).get("status").asString();
    }

    private tools.jackson.databind.JsonNode track(String code) {
        return get("/api/whistles/track?code=" + code + "&phone=13800000042").json();
    }

    private static EventEnvelope<WhistleRouted> envelope(long revision, WhistleRouted data) {
        return EventEnvelope.wrap(data, revision, "dispatch-service", TraceIds.newTraceId(), Clock.systemUTC());
    }

    private static void send(EventEnvelope<?>... envelopes) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(),
                new EnvelopeSerializer())) {
            for (var envelope : envelopes) {
                producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), envelope));
            }
        }
    }

    private WhistleRouted routed(String id, WhistleRouted.Action action, TicketState state) {
        return new WhistleRouted(
                WhistleId.of(id),
                ticket,
                "GN-2026-0002",
                action,
                state,
                CommandLevel.STREET,
                "QQ-230225100-ZHZX",
                "MUNICIPAL-ROAD-DAMAGE",
                Urgency.NORMAL,
                List.of(new WhistleRouted.Summons("QQ-230225-ZJJ-LZG", true, TaskState.SUMMONED)),
                null,
                state == TicketState.SUSPENDED ? "等待天气转好" : null,
                new Actor("gn.street.sunhongwei", "QQ-230225100-ZHZX", "STREET_DISPATCHER"),
                Instant.now(),
                null);
    }
}
