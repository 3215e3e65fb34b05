package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;

/** The seeded rule table decides who hears of each kind of event, over which channels. */
class RecipientsTest extends NotificationServiceTest {

    @Test
    void tellsTheSummonedUnitOnRouting() {
        var whistle = raise(userReporter("resident-summoned"));
        var summoned = routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED);
        var officer = token("officer-summoned", List.of("DEPARTMENT_OFFICER"), List.of("D"), DEPARTMENT);
        var dispatcher = token("dispatcher-summoned", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
        try (var unitStream = listen("/api/notifications/stream", officer);
                var centreStream = listen("/api/notifications/stream/centres/" + STREET_CENTRE, dispatcher)) {
            publish(summoned);

            assertThat(settledDeliveries(summoned))
                    .extracting(Row::recipient, Row::channel, Row::status)
                    .contains(org.assertj.core.groups.Tuple.tuple("unit:" + DEPARTMENT, "INBOX", "SENT"))
                    .doesNotContain(org.assertj.core.groups.Tuple.tuple("user:resident-summoned", "INBOX", "SENT"));
            assertThat(unitStream.awaitAbout(summoned))
                    .extracting(n -> n.path("recipient").asString())
                    .containsExactly("unit:" + DEPARTMENT);
            assertThat(centreStream.awaitAbout(summoned))
                    .extracting(n -> n.path("recipient").asString())
                    .containsExactly("unit:" + STREET_CENTRE);
        }
    }

    @Test
    void tellsTheOwningCentreWhenAUnitDeclines() {
        var whistle = raise(userReporter("resident-declined"));
        var declined = reported(whistle, WhistleReported.Report.DECLINED, true);
        var dispatcher = token("dispatcher-declined", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
        var resident = token("resident-declined", List.of("RESIDENT"), List.of(), null);
        try (var centreStream = listen("/api/notifications/stream/centres/" + STREET_CENTRE, dispatcher);
                var progress = listen("/api/notifications/stream/whistles/" + whistle.id(), resident)) {
            publish(declined);

            assertThat(settledDeliveries(declined))
                    .extracting(Row::recipient, Row::channel)
                    .contains(org.assertj.core.groups.Tuple.tuple("unit:" + STREET_CENTRE, "INBOX"));
            assertThat(centreStream.awaitAbout(declined))
                    .singleElement()
                    .satisfies(n -> assertThat(n.path("feed").asBoolean()).isTrue());
            // the decline is the centre's to act on: the reporter's 进度 page only hears that its whistle moved on,
            // and no message to the reporter is in the log
            assertThat(progress.awaitAbout(declined))
                    .singleElement()
                    .satisfies(n -> assertThat(n.path("body").asString()).isEqualTo("进度已更新。"));
            assertThat(settledDeliveries(declined))
                    .filteredOn(row -> row.recipient().equals("user:resident-declined"))
                    .isEmpty();
        }
    }

    @Test
    void tellsTheLateUnitsLeaderAndBothCentresUrgentlyOnEscalation() {
        var whistle = raise(userReporter("resident-escalated"));
        var escalation = escalated(whistle, true);
        publish(escalation);

        var rows = settledDeliveries(escalation);
        assertThat(rows)
                .filteredOn(row -> row.recipient().equals("unit:" + DEPARTMENT)
                        && row.channel().equals("INBOX"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.leader()).isTrue();
                    assertThat(row.urgency()).isEqualTo("URGENT");
                    assertThat(row.body()).contains("督办通知").contains("黑榜").doesNotContain("红榜");
                });
        assertThat(rows)
                .extracting(Row::recipient)
                .contains("unit:" + STREET_CENTRE, "unit:" + DISTRICT_CENTRE)
                .doesNotContain("user:resident-escalated");
    }

    @Test
    void tellsAUserReporterOnFilingAndResolutionWithTheRatingLink() {
        var whistle = raise(userReporter("resident-filed"));
        var filed = routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED);
        publish(filed);
        var resolved = reported(whistle, WhistleReported.Report.DONE, true);
        publish(resolved);

        assertThat(settledDeliveries(filed))
                .extracting(Row::recipient, Row::channel, Row::status)
                .contains(org.assertj.core.groups.Tuple.tuple("user:resident-filed", "INBOX", "SENT"));
        assertThat(settledDeliveries(resolved))
                .filteredOn(row -> row.recipient().equals("user:resident-filed")
                        && row.channel().equals("INBOX"))
                .singleElement()
                .satisfies(row -> assertThat(row.body())
                        .contains("http://localhost:8080/track/〔查询码〕")
                        .doesNotContain(whistle.trackingCode()));
    }

    @Test
    void textsAPhoneReporterOnClosureThroughTheDevelopmentProviderWithTheMaskedNumber() {
        var whistle = raise(phoneReporter());
        var closure = closed(whistle);
        publish(closure);

        assertThat(settledDeliveries(closure))
                .extracting(Row::recipient, Row::channel, Row::status)
                .contains(org.assertj.core.groups.Tuple.tuple("reporter:" + whistle.id(), "SMS", "SENT"));
        assertThat(jdbc.sql("SELECT address FROM dev_outbox WHERE recipient = :r")
                        .param("r", "reporter:" + whistle.id())
                        .query(String.class)
                        .list())
                .containsExactly("138****5678");
    }

    @Test
    void tellsSubscribersOfAnAreaOfAWhistleRaisedInside() throws Exception {
        var centre =
                token("watcher-1", java.util.List.of("DISTRICT_DISPATCHER"), java.util.List.of("D"), DISTRICT_CENTRE);
        assertStatus(post("/api/notifications/area-subscriptions", centre, "{\"areaId\":\"S1\"}"), 201);

        var whistle = raise(userReporter("resident-area"));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT status FROM delivery WHERE whistle_id = :w AND recipient = 'unit:CC-D' AND channel = 'INBOX'")
                                .param("w", whistle.id().value())
                                .query(String.class)
                                .list())
                        .containsExactly("SENT"));
    }

    @Test
    void letsOnlyCommandCentresAndTheirIntegrationClientsWatchAnArea() throws Exception {
        var integration =
                token("cc-s2-integration", java.util.List.of("SERVICE"), java.util.List.of("S2"), OTHER_STREET_CENTRE);
        assertStatus(post("/api/notifications/area-subscriptions", integration, "{\"areaId\":\"S2\"}"), 201);

        var unitAccounts = java.util.List.of(
                token("officer-area", java.util.List.of("DEPARTMENT_OFFICER"), java.util.List.of("D"), DEPARTMENT),
                token("leader-area", java.util.List.of("DEPARTMENT_LEADER"), java.util.List.of("D"), DEPARTMENT),
                token("property-area", java.util.List.of("PROPERTY_STAFF"), java.util.List.of("G1"), "PROP-1"),
                token("service-area", java.util.List.of("SERVICE"), java.util.List.of("D"), DEPARTMENT),
                token("grid-area", java.util.List.of("GRID_WORKER"), java.util.List.of("G1"), null),
                token("leader-c", java.util.List.of("LEADER"), java.util.List.of("S1"), null));
        for (var account : unitAccounts) {
            assertStatus(post("/api/notifications/area-subscriptions", account, "{\"areaId\":\"G1\"}"), 403);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM area_subscription WHERE area_id = 'G1'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesToSubscribeToAnAreaOutsideTheCallersScope() throws Exception {
        var subscriber = token("watcher-2", java.util.List.of("STREET_DISPATCHER"), java.util.List.of("S1"), "C1");

        var refused = post("/api/notifications/area-subscriptions", subscriber, "{\"areaId\":\"S2\"}");

        assertStatus(refused, 403);
        assertThat(jdbc.sql("SELECT count(*) FROM area_subscription WHERE recipient = 'unit:C1'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void deliversARedeliveredEventOnlyOnce() {
        var whistle = raise(userReporter("resident-twice"));
        var summoned = routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED);
        publish(summoned);
        publish(summoned);
        var later = routed(whistle, WhistleRouted.Action.RESUMED, TicketState.IN_PROGRESS);
        publish(later);
        await().atMost(PATIENCE).until(() -> handled(later));

        var rows = settledDeliveries(summoned);
        assertThat(rows)
                .filteredOn(row -> row.recipient().equals("unit:" + DEPARTMENT)
                        && row.channel().equals("INBOX"))
                .hasSize(1);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM inbox_item i JOIN delivery d ON d.id = i.delivery_id WHERE d.event_id = :e AND i.recipient = :r")
                        .param("e", summoned.id())
                        .param("r", "unit:" + DEPARTMENT)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
