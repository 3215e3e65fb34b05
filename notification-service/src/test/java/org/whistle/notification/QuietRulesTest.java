package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;

/** Routine reporter updates are limited per whistle and hour; urgent notifications always go out. */
class QuietRulesTest extends NotificationServiceTest {

    @Test
    void holdsBackRoutineReporterUpdatesOverTheHourlyLimitButNeverUrgentOnes() throws Exception {
        var administrator = administrator();
        var rule = post("/api/notifications/rules", administrator, """
                {"eventType":"whistle-escalated","qualifier":"RED_LIST","selector":"REPORTER",
                 "channels":["INBOX"],"urgency":"URGENT","description":"test: the reporter hears of the red list"}
                """);
        assertStatus(rule, 201);
        var whistle = raise(userReporter("resident-quiet"));
        var reporter = "user:resident-quiet";
        try {
            EventEnvelope<?>[] routine = {
                routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED),
                reported(whistle, WhistleReported.Report.DONE, true),
                routed(whistle, WhistleRouted.Action.VERIFIED, TicketState.VERIFIED),
                routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED),
                closed(whistle)
            };
            String[] statuses = new String[routine.length];
            for (int i = 0; i < routine.length; i++) {
                publish(routine[i]);
                statuses[i] = settledDeliveries(routine[i]).stream()
                        .filter(row -> row.recipient().equals(reporter))
                        .findFirst()
                        .orElseThrow()
                        .status();
            }
            assertThat(statuses).containsExactly("SENT", "SENT", "SENT", "DEFERRED", "DEFERRED");

            var escalation = escalated(whistle, true);
            publish(escalation);
            assertThat(settledDeliveries(escalation))
                    .filteredOn(row -> row.recipient().equals(reporter))
                    .singleElement()
                    .satisfies(row -> {
                        assertThat(row.status()).isEqualTo("SENT");
                        assertThat(row.urgency()).isEqualTo("URGENT");
                    });
        } finally {
            var id = json(rule).get("id").asLong();
            var request = java.net.http.HttpRequest.newBuilder(uri("/api/notifications/rules/" + id))
                    .header("Authorization", "Bearer " + administrator)
                    .DELETE()
                    .build();
            java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
        }
    }

    @Test
    void letsOnlyAdministratorsEditTheRuleTable() throws Exception {
        var dispatcher =
                token("dispatcher-s1", java.util.List.of("STREET_DISPATCHER"), java.util.List.of("S1"), STREET_CENTRE);
        assertStatus(get("/api/notifications/rules", dispatcher), 403);
        var rules = json(get("/api/notifications/rules", administrator()));
        assertThat(rules.valueStream().map(r -> r.get("selector").asString()))
                .contains("SUMMONED_UNITS", "OWNING_CENTRE", "LATE_UNIT_LEADER", "REPORTER", "AREA_SUBSCRIBERS");
        assertStatus(post("/api/notifications/rules", administrator(), "{\"eventType\":\"whistle-routed\"}"), 422);
    }
}
