package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.whistle.events.Actor;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.WhistleSupervised;

/**
 * Warnings and supervision orders reach the people who must act (issue 18): the owning centre's inbox for a filing
 * warning, the summoned unit's duty officers for a report-in warning, the late unit's leader personally and the centre
 * above for an escalation, and the unit held to a 督办/催办 issued by hand — in Chinese, with names and Shanghai time.
 */
class WarningsTest extends NotificationServiceTest {

    /** 2026-12-08 17:00 in Asia/Shanghai. */
    private static final Instant DUE = Instant.parse("2026-12-08T09:00:00Z");

    @Test
    void aFilingWarningReachesTheOwningCentresInbox() {
        var whistle = raise(userReporter("resident-file-warning"));
        var warning = warning(whistle, ClockKind.FILE, null);
        publish(warning);

        assertThat(settledDeliveries(warning))
                .filteredOn(row -> row.recipient().equals("unit:" + STREET_CENTRE)
                        && row.channel().equals("INBOX"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.status()).isEqualTo("SENT");
                    assertThat(row.body())
                            .contains("受理时限将于 12月8日 17:00 到期")
                            .doesNotContain("FILE", "WARNING", "T09:00", "null");
                });
    }

    @Test
    void aReportInWarningReachesTheSummonedUnitsDutyOfficersInPlainChinese() {
        var whistle = raise(userReporter("resident-report-warning"));
        publish(routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED));
        var warning = warning(whistle, ClockKind.REPORT_IN, DEPARTMENT);
        publish(warning);

        assertThat(settledDeliveries(warning))
                .filteredOn(row -> row.recipient().equals("unit:" + DEPARTMENT))
                .extracting(Row::channel, Row::leader, Row::status)
                .contains(tuple("INBOX", false, "SENT"));
        assertThat(settledDeliveries(warning))
                .filteredOn(row -> row.recipient().equals("unit:" + DEPARTMENT)
                        && row.channel().equals("INBOX"))
                .singleElement()
                .satisfies(row -> assertThat(row.body())
                        .contains(DEPARTMENT + " name", "工单 T-", "报到时限将于 12月8日 17:00 到期")
                        .doesNotContain("REPORT_IN", "T09:00", "null"));
    }

    @Test
    void anEscalationsOrderIsTheLateUnitsLeadersAloneAndReachesTheCentreAbove() throws Exception {
        var whistle = raise(userReporter("resident-escalation-leader"));
        var escalation = escalated(whistle, false);
        publish(escalation);

        var rows = settledDeliveries(escalation);
        assertThat(rows)
                .extracting(Row::recipient, Row::channel, Row::leader)
                .contains(
                        tuple("unit:" + DEPARTMENT, "INBOX", true),
                        tuple("unit:" + DISTRICT_CENTRE, "INBOX", false),
                        tuple("unit:" + STREET_CENTRE, "INBOX", false));
        assertThat(rows)
                .filteredOn(row -> row.recipient().equals("unit:" + DISTRICT_CENTRE)
                        && row.channel().equals("INBOX"))
                .singleElement()
                .satisfies(row -> assertThat(row.body())
                        .contains(DEPARTMENT + " name", "报到时限", "已升级至" + DISTRICT_CENTRE + " name")
                        .doesNotContain("REPORT_IN", "DISTRICT ", "null"));

        var leader = token("leader-dep", List.of("DEPARTMENT_LEADER"), List.of("D"), DEPARTMENT);
        var officer = token("officer-dep", List.of("DEPARTMENT_OFFICER"), List.of("D"), DEPARTMENT);
        assertThat(inboxBodies(leader, whistle))
                .anySatisfy(body -> assertThat(body).contains("督办通知"));
        assertThat(inboxBodies(officer, whistle))
                .noneSatisfy(body -> assertThat(body).contains("督办通知"));
    }

    @Test
    void aSupervisionOrderByHandReachesTheLeadUnitsLeaderAndDutyOfficersWithReasonAndDeadline() throws Exception {
        var whistle = raise(userReporter("resident-supervised"));
        publish(routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED));
        var order = supervised(whistle, WhistleSupervised.Kind.ORDER, DEPARTMENT, "群众多次反映，请尽快处置，电话13812345678");
        publish(order);

        var rows = settledDeliveries(order);
        assertThat(rows)
                .extracting(Row::recipient, Row::channel, Row::leader, Row::status)
                .contains(
                        tuple("unit:" + DEPARTMENT, "INBOX", true, "SENT"),
                        tuple("unit:" + DEPARTMENT, "INBOX", false, "SENT"));
        var number = "T-" + whistle.id().value().toString().substring(24);
        assertThat(rows).filteredOn(row -> row.channel().equals("INBOX")).allSatisfy(row -> {
            assertThat(row.urgency()).isEqualTo("URGENT");
            assertThat(row.body())
                    .startsWith("市指挥中心对工单 " + number)
                    .contains("督办：群众多次反映，请尽快处置", "12月8日 17:00 前办结", DEPARTMENT + " name")
                    .doesNotContain("13812345678", "ORDER", "CITY", "T09:00", "null");
        });

        var leader = token("leader-sup", List.of("DEPARTMENT_LEADER"), List.of("D"), DEPARTMENT);
        var officer = token("officer-sup", List.of("DEPARTMENT_OFFICER"), List.of("D"), DEPARTMENT);
        assertThat(inboxBodies(leader, whistle))
                .anySatisfy(body -> assertThat(body).contains("督办"));
        assertThat(inboxBodies(officer, whistle))
                .anySatisfy(body -> assertThat(body).contains("督办"));
    }

    @Test
    void aReminderWhileNobodyLeadsReachesTheOwningCentre() {
        var whistle = raise(userReporter("resident-reminded"));
        var reminder = supervised(whistle, WhistleSupervised.Kind.REMINDER, STREET_CENTRE, "尽快受理派遣");
        publish(reminder);

        var rows = settledDeliveries(reminder);
        assertThat(rows)
                .filteredOn(row -> row.channel().equals("INBOX"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.recipient()).isEqualTo("unit:" + STREET_CENTRE);
                    assertThat(row.leader()).isFalse();
                    assertThat(row.urgency()).isEqualTo("ROUTINE");
                    assertThat(row.body()).contains("催办：尽快受理派遣", "12月8日 17:00 前办结");
                });
    }

    @Test
    void routingReportsAndClosureReadInChineseWithoutCodes() {
        var whistle = raise(userReporter("resident-plain-texts"));
        var summoned = routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED);
        publish(summoned);
        var declined = reported(whistle, WhistleReported.Report.DECLINED, true);
        publish(declined);
        var closure = closed(whistle);
        publish(closure);

        assertThat(settledDeliveries(summoned))
                .filteredOn(row -> row.channel().equals("INBOX"))
                .allSatisfy(row -> assertThat(row.body())
                        .contains("牵头单位为" + DEPARTMENT + " name")
                        .doesNotContain("ROAD", "SUMMONED", "null"));
        assertThat(settledDeliveries(declined))
                .filteredOn(row -> row.channel().equals("INBOX"))
                .allSatisfy(row -> assertThat(row.body())
                        .contains(DEPARTMENT + " name", "退回工单")
                        .doesNotContain("DECLINED", "ROAD", "null"));
        assertThat(settledDeliveries(closure))
                .filteredOn(row -> row.channel().equals("INBOX"))
                .allSatisfy(row -> assertThat(row.body()).contains("已解决").doesNotContain("RESOLVED"));
    }

    private EventEnvelope<WhistleEscalated> warning(Whistle whistle, ClockKind clock, @Nullable String unit) {
        return envelope(new WhistleEscalated(
                whistle.id(),
                clock == ClockKind.FILE ? null : whistle.ticket(),
                WhistleEscalated.Kind.WARNING,
                clock,
                UUID.randomUUID().toString(),
                unit,
                CommandLevel.STREET,
                null,
                false,
                DUE.minus(Duration.ofHours(2)),
                DUE,
                this.clock.instant()));
    }

    private EventEnvelope<WhistleSupervised> supervised(
            Whistle whistle, WhistleSupervised.Kind kind, String against, String reason) {
        return envelope(new WhistleSupervised(
                whistle.id(),
                whistle.ticket(),
                "T-" + whistle.id().value().toString().substring(24),
                kind,
                1,
                against,
                CommandLevel.STREET,
                STREET_CENTRE,
                CommandLevel.CITY,
                reason,
                DUE,
                new Actor("city-dispatcher-1", "CC-C", "CITY_DISPATCHER"),
                clock.instant(),
                null));
    }

    private List<String> inboxBodies(String token, Whistle whistle) throws Exception {
        var response = get("/api/notifications/inbox?limit=200", token);
        assertStatus(response, 200);
        var bodies = new ArrayList<String>();
        for (var item : json(response).path("items")) {
            if (whistle.id().value().toString().equals(item.path("whistleId").asString())) {
                bodies.add(item.path("body").asString());
            }
        }
        return bodies;
    }
}
