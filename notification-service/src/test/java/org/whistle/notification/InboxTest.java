package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleRouted;

/** The in-app inbox: a user sees their own items and their unit's, and marks them read. */
class InboxTest extends NotificationServiceTest {

    @Test
    void showsAUsersAndTheirUnitsItemsUnreadUntilMarkedRead() throws Exception {
        var whistle = raise(userReporter("resident-inbox"));
        publish(routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED));
        publish(routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED));
        var officer = token("officer-inbox", List.of("DEPARTMENT_OFFICER"), List.of("D"), DEPARTMENT);
        var resident = token("resident-inbox", List.of("RESIDENT"), List.of(), null);

        var residentItem = await().atMost(PATIENCE)
                .until(
                        () -> json(get("/api/notifications/inbox?unread=true", resident))
                                .get("items"),
                        items -> items.size() == 1);
        var item = residentItem.get(0);
        assertThat(item.get("recipient").asString()).isEqualTo("user:resident-inbox");
        assertThat(item.get("read").asBoolean()).isFalse();
        await().atMost(PATIENCE)
                .until(() -> json(get("/api/notifications/inbox", officer))
                        .get("items")
                        .valueStream()
                        .anyMatch(i -> i.get("whistleId")
                                .asString()
                                .equals(whistle.id().toString())));

        var itemId = item.get("id").asLong();
        assertStatus(post("/api/notifications/inbox/" + itemId + "/read", officer, ""), 404);
        assertStatus(post("/api/notifications/inbox/" + itemId + "/read", resident, ""), 204);

        var after = json(get("/api/notifications/inbox", resident));
        assertThat(after.get("unread").asLong()).isZero();
        assertThat(after.get("items").get(0).get("read").asBoolean()).isTrue();
        assertThat(json(get("/api/notifications/inbox?unread=true", resident))
                        .get("items")
                        .size())
                .isZero();
    }
}
