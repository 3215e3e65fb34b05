package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleRouted;
import org.whistle.notification.inbox.Inbox;

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

    @Autowired
    Inbox inbox;

    @Test
    void pagesThroughTheWholeInboxNewestFirstBeyondTheLargestPage() throws Exception {
        var resident = token("resident-paging", List.of("RESIDENT"), List.of(), null);
        var put = new ArrayList<Long>();
        for (int i = 0; i < 205; i++) {
            put.addFirst(inbox.put(
                    "user:resident-paging", null, null, "whistle-routed", "第" + i + "条", "…", false, "ROUTINE"));
        }

        var first = json(get("/api/notifications/inbox?size=200", resident));
        assertThat(first.get("items").size()).isEqualTo(200);
        assertThat(first.get("unread").asLong()).isEqualTo(205);
        assertThat(first.get("after").asString()).isEqualTo(Long.toString(put.get(199)));
        assertThat(first.get("next").asString()).isEqualTo("/api/notifications/inbox?size=200&after=" + put.get(199));

        var second = json(get(first.get("next").asString(), resident));
        assertThat(second.get("items").size()).isEqualTo(5);
        assertThat(second.path("next").isString())
                .as("the last page links nowhere")
                .isFalse();
        var seen = new ArrayList<Long>();
        first.get("items").valueStream().forEach(item -> seen.add(item.get("id").asLong()));
        second.get("items")
                .valueStream()
                .forEach(item -> seen.add(item.get("id").asLong()));
        assertThat(seen).as("every item once, newest first").isEqualTo(put);

        assertStatus(get("/api/notifications/inbox?size=201", resident), 422);
        assertStatus(get("/api/notifications/inbox?size=0", resident), 422);
        assertThat(json(get("/api/notifications/inbox?limit=500", resident))
                        .get("items")
                        .size())
                .as("the older `limit` is cut to the largest page, as it was")
                .isEqualTo(200);
    }
}
