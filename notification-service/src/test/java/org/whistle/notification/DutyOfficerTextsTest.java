package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.events.Actor;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleRouted;
import org.whistle.events.WhistleSupervised;

/**
 * A unit's duty officers are texted for a summons (召集) and a 督办, not only told in the inbox; a leader's copy of a
 * 督办 is not texted (the phone is the duty officers'). The tests' provider is the development one, whose dev outbox
 * shows what the duty phone would have received.
 */
class DutyOfficerTextsTest extends NotificationServiceTest {

    private static final Instant DUE = Instant.parse("2026-12-08T09:00:00Z");

    @Test
    void aSummonsIsTextedToTheSummonedUnitsDutyOfficers() {
        var whistle = raise(userReporter("resident-summons-sms"));
        var summons = routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED);
        publish(summons);

        assertThat(settledDeliveries(summons))
                .extracting(Row::recipient, Row::channel, Row::leader, Row::status)
                .contains(tuple("unit:" + DEPARTMENT, "SMS", false, "SENT"));
        assertThat(outbox("unit:" + DEPARTMENT, summons))
                .singleElement()
                .satisfies(text -> assertThat(text).contains("召集您单位报到").doesNotContain("SUMMONED", "null", "〔查询码〕"));
    }

    @Test
    void aSupervisionOrderIsTextedToTheDutyOfficersButNotAsTheLeadersCopy() {
        var whistle = raise(userReporter("resident-order-sms"));
        publish(routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED));
        var order = envelope(new WhistleSupervised(
                whistle.id(),
                whistle.ticket(),
                "T-" + whistle.id().value().toString().substring(24),
                WhistleSupervised.Kind.ORDER,
                1,
                DEPARTMENT,
                CommandLevel.STREET,
                STREET_CENTRE,
                CommandLevel.CITY,
                "群众多次反映，请尽快处置，电话13812345678",
                DUE,
                new Actor("city-dispatcher-1", "CC-C", "CITY_DISPATCHER"),
                clock.instant(),
                null));
        publish(order);

        var sms = settledDeliveries(order).stream()
                .filter(row -> row.channel().equals("SMS"))
                .toList();
        assertThat(sms)
                .extracting(Row::recipient, Row::leader, Row::status, Row::urgency)
                .containsExactly(tuple("unit:" + DEPARTMENT, false, "SENT", "URGENT"));
        assertThat(outbox("unit:" + DEPARTMENT, order))
                .singleElement()
                .satisfies(text -> assertThat(text)
                        .startsWith("市指挥中心对工单 T-")
                        .contains("督办：群众多次反映，请尽快处置", "12月8日 17:00 前办结", DEPARTMENT + " name")
                        .doesNotContain("13812345678", "ORDER", "T09:00", "null"));
    }

    /** What the development provider kept for the unit's duty phone, for this event's deliveries. */
    private List<String> outbox(String recipient, EventEnvelope<?> event) {
        var titles = jdbc.sql("SELECT body FROM delivery WHERE event_id = :id AND channel = 'SMS'")
                .param("id", event.id())
                .query(String.class)
                .list();
        return jdbc
                .sql("SELECT text FROM dev_outbox WHERE recipient = :r AND channel = 'SMS' ORDER BY id")
                .param("r", recipient)
                .query(String.class)
                .list()
                .stream()
                .filter(titles::contains)
                .toList();
    }
}
