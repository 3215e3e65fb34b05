package org.whistle.members.whistles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchMessageListener;
import org.whistle.events.Actor;
import org.whistle.events.Channel;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventEnvelope;
import org.whistle.events.GeoPoint;
import org.whistle.events.Location;
import org.whistle.events.Reporter;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.TraceIds;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleEvent;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleRouted;
import org.whistle.members.MembersServiceTest;

/**
 * Issue 22: the whistle copy applies a poll's events in one transaction (one commit per poll, not per event), and a
 * batch delivered again — a crash before its offsets were committed — changes nothing, each event being recorded as
 * handled with its effect.
 */
class WhistleBatchesTest extends MembersServiceTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void theWhistleCopyTakesAPollAsOneBatch() {
        var containers = listeners.getListenerContainers().stream()
                .filter(container -> container.getGroupId().equals("members-service"))
                .toList();
        assertThat(containers).isNotEmpty();
        for (var container : containers) {
            assertThat(container.getContainerProperties().getMessageListener())
                    .as("the whistle copy's listener takes a poll's records at once")
                    .isInstanceOf(BatchMessageListener.class);
            assertThat(container)
                    .isInstanceOfSatisfying(
                            AbstractMessageListenerContainer.class,
                            c -> assertThat(c.getContainerProperties()
                                            .getKafkaConsumerProperties()
                                            .getProperty("max.poll.records"))
                                    .isEqualTo(Integer.toString(WhistleBatches.MAX_POLL_RECORDS)));
        }
    }

    @Test
    void aBatchDeliveredAgainChangesNothing() {
        var whistle = WhistleId.newId();
        var ticket = TicketId.newId();
        var raised = at(1, raised(whistle, "楼道堆放杂物"));
        var filed = at(2, routed(whistle, ticket, "T-BATCH-1", TicketState.FILED));
        publish(raised);
        publish(filed);
        awaitHandled(raised, filed);
        var dispatched = at(3, routed(whistle, ticket, "T-BATCH-1", TicketState.DISPATCHED));
        publish(dispatched);
        awaitHandled(dispatched);
        // Behind the service's back: were the raising applied again, it would write its description over this.
        jdbc.sql("UPDATE whistle_copy SET description = '（已核对）' WHERE whistle_id = :id")
                .param("id", whistle.value())
                .update();
        var before = copy(whistle);

        publish(raised);
        publish(filed);
        // after the batch delivered again, on the same partitions: a raising and a stale routing of the same whistle
        var laterRaised = at(1, raised(whistle, "（已核对）"));
        var staleRouted = at(2, routed(whistle, ticket, "T-BATCH-1", TicketState.FILED));
        publish(laterRaised);
        publish(staleRouted);
        awaitHandled(laterRaised, staleRouted);

        assertThat(copy(whistle)).isEqualTo(before).containsEntry("state", "DISPATCHED");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM messaging.handled_event
                        WHERE consumer = 'members.whistles' AND event_id IN (:raised, :filed, :dispatched)
                        """)
                        .param("raised", raised.id())
                        .param("filed", filed.id())
                        .param("dispatched", dispatched.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    private Map<String, Object> copy(WhistleId whistle) {
        return jdbc.sql("""
                        SELECT ticket_number, category_code, description, grid_id, state, revision
                        FROM whistle_copy WHERE whistle_id = :id
                        """).param("id", whistle.value()).query().singleRow();
    }

    private void awaitHandled(EventEnvelope<?>... events) {
        for (var event : events) {
            await().atMost(PATIENCE)
                    .until(() -> jdbc.sql("""
                                            SELECT count(*) FROM messaging.handled_event
                                            WHERE consumer = 'members.whistles' AND event_id = :id
                                            """)
                                    .param("id", event.id())
                                    .query(Long.class)
                                    .single()
                            == 1);
        }
    }

    private <T extends WhistleEvent> EventEnvelope<T> at(long revision, T data) {
        return EventEnvelope.wrap(data, revision, "test", TraceIds.newTraceId(), clock);
    }

    private static WhistleRaised raised(WhistleId whistle, String description) {
        return new WhistleRaised(
                whistle,
                Channel.WECHAT,
                "ENV-CORRIDOR",
                description,
                new Location(new GeoPoint(IN_G1_LAT, IN_G1_LNG), "将军府小区2号楼"),
                "G1",
                "S",
                Urgency.NORMAL,
                new Reporter(Reporter.Kind.USER, "resident-batch", "RESIDENT", null),
                List.of(),
                Instant.parse("2026-12-08T01:00:00Z"));
    }

    private static WhistleRouted routed(WhistleId whistle, TicketId ticket, String number, TicketState state) {
        return new WhistleRouted(
                whistle,
                ticket,
                number,
                state == TicketState.FILED ? WhistleRouted.Action.FILED : WhistleRouted.Action.SUMMONED,
                state,
                CommandLevel.STREET,
                "CC-S",
                "ENV-CORRIDOR",
                Urgency.NORMAL,
                List.of(),
                null,
                null,
                Actor.system("test"),
                Instant.parse("2026-12-08T01:05:00Z"));
    }
}
