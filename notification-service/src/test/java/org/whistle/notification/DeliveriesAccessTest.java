package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleRouted;

/** The delivery log of a whistle is for administrators and the owning command centre's dispatchers. */
class DeliveriesAccessTest extends NotificationServiceTest {

    @Test
    void showsAWhistlesDeliveriesToAdministratorsAndItsCentreButNotToAnotherStreet() throws Exception {
        var whistle = raise(phoneReporter());
        var filed = routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED);
        publish(filed);
        settledDeliveries(filed);
        var path = "/api/notifications/deliveries?whistleId=" + whistle.id();

        var asAdministrator = get(path, administrator());
        assertStatus(asAdministrator, 200);
        var entries = json(asAdministrator);
        assertThat(entries.valueStream()
                        .map(e -> e.get("delivery").get("recipient").asString() + " "
                                + e.get("delivery").get("channel").asString() + " "
                                + e.get("delivery").get("status").asString()))
                .contains("reporter:" + whistle.id() + " SMS SENT")
                // messages only: the centre's live update of the filing was pushed, not logged (ADR 0056)
                .noneMatch(line -> line.contains(" SSE "));
        assertThat(entries.get(0).get("attempts").size()).isEqualTo(1);

        var ownStreet = token("dispatcher-s1", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
        assertStatus(get(path, ownStreet), 200);
        var otherStreet = token("dispatcher-s2", List.of("STREET_DISPATCHER"), List.of("S2"), OTHER_STREET_CENTRE);
        assertStatus(get(path, otherStreet), 403);
        var officer = token("officer-1", List.of("DEPARTMENT_OFFICER"), List.of("D"), DEPARTMENT);
        assertStatus(get(path, officer), 403);
    }

    @Test
    void showsTheDevelopmentOutboxToAdministratorsOnly() throws Exception {
        assertStatus(get("/api/notifications/dev-outbox", administrator()), 200);
        var resident = token("resident-x", List.of("RESIDENT"), List.of(), null);
        assertStatus(get("/api/notifications/dev-outbox", resident), 403);
    }
}
