package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleRouted;

/**
 * The tracking code is the reporter's secret: this service keeps it nowhere — not per whistle, not in the delivery log,
 * the inbox or webhook payloads — and fills it in only in the text sent to the reporter's own phone, from intake's
 * contact. The dev outbox, the local stack's stand-in for that phone, shows the text as sent.
 */
class TrackingCodeTest extends NotificationServiceTest {

    @Test
    void keepsNoTrackingCodeAndFillsItInOnlyAsTheReporterIsTexted() throws Exception {
        var whistle = raise(phoneReporter());
        var filed = routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED);
        publish(filed);

        assertThat(settledDeliveries(filed))
                .filteredOn(row -> row.channel().equals("SMS"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.status()).isEqualTo("SENT");
                    assertThat(row.body()).contains("〔查询码〕").doesNotContain(whistle.trackingCode());
                });
        assertThat(jdbc.sql("SELECT text FROM dev_outbox WHERE recipient = :r")
                        .param("r", "reporter:" + whistle.id())
                        .query(String.class)
                        .list())
                .singleElement()
                .satisfies(text -> assertThat(text)
                        .contains("（" + whistle.trackingCode() + "）")
                        .doesNotContain("〔查询码〕"));
        assertThat(kept(whistle)).as("rows of this service holding the code").isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM information_schema.columns
                        WHERE table_name = 'whistle_context' AND column_name = 'tracking_code'
                        """).query(Long.class).single()).isZero();
    }

    @Test
    void keepsNoTrackingCodeForSignedInReportersAndAreaSubscribersEither() throws Exception {
        var centre = token("watcher-code", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
        assertStatus(post("/api/notifications/area-subscriptions", centre, "{\"areaId\":\"G1\"}"), 201);
        var whistle = raise(userReporter("resident-code"));
        var filed = routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED);
        publish(filed);

        assertThat(settledDeliveries(filed))
                .filteredOn(row -> row.recipient().equals("user:resident-code"))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.body()).doesNotContain(whistle.trackingCode()));
        assertThat(kept(whistle)).as("rows of this service holding the code").isZero();
        var inbox = get("/api/notifications/inbox", token("resident-code", List.of("RESIDENT"), List.of(), null));
        assertStatus(inbox, 200);
        assertThat(inbox.body()).contains("〔查询码〕").doesNotContain(whistle.trackingCode());
    }

    /** Rows of the delivery log, the inbox and the per-whistle context whose text holds the whistle's code. */
    private long kept(Whistle whistle) {
        var like = "%" + whistle.trackingCode() + "%";
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM delivery WHERE body LIKE :code OR payload LIKE :code OR title LIKE :code)
                             + (SELECT count(*) FROM inbox_item WHERE body LIKE :code OR title LIKE :code)
                             + (SELECT count(*) FROM whistle_context c WHERE c::text LIKE :code)
                        """).param("code", like).query(Long.class).single();
    }
}
