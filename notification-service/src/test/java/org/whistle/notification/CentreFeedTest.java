package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;

/**
 * The centre's live feed carries only what the centre acts on: a new whistle to file, a unit's decline, a lead's
 * 办结 to verify. Every other event of its whistles still reaches its dashboard, to reload it, but not its feed; and
 * what is written for the reporter never reaches the centre.
 */
class CentreFeedTest extends NotificationServiceTest {

    @Test
    void carriesWhatTheCentreActsOnAndOnlyReloadsForTheRest() {
        var whistle = raise(userReporter("resident-feed"));
        var filed = routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED);
        var reportedIn = reported(whistle, WhistleReported.Report.REPORTED_IN, true);
        var declined = reported(whistle, WhistleReported.Report.DECLINED, false);
        var done = reported(whistle, WhistleReported.Report.DONE, true);
        for (var event : new EventEnvelope<?>[] {filed, reportedIn, declined, done}) {
            publish(event);
        }

        assertThat(centreFeed(whistle, "whistle-raised"))
                .as("a new whistle: the centre files it")
                .isTrue();
        assertThat(centreFeed(filed)).as("its own filing").isFalse();
        assertThat(centreFeed(reportedIn)).as("a unit reporting in").isFalse();
        assertThat(centreFeed(declined))
                .as("a unit declining: the centre summons again")
                .isTrue();
        assertThat(centreFeed(done)).as("the lead's 办结: the centre verifies").isTrue();
    }

    @Test
    void neverShowsTheCentreWhatIsWrittenForTheReporter() {
        var whistle = raise(userReporter("resident-feed-texts"));
        var filed = routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED);
        publish(filed);
        var closure = closed(whistle);
        publish(closure);

        for (var event : new EventEnvelope<?>[] {filed, closure}) {
            var texts = centreSse(event);
            assertThat(texts.get("body")).doesNotContain("您反映", "〔查询码〕");
            assertThat(texts.get("title")).doesNotContain("您的哨情");
        }
    }

    private boolean centreFeed(EventEnvelope<?> event) {
        var query = jdbc.sql("""
                        SELECT feed FROM delivery
                        WHERE event_id = :id AND recipient = :centre AND channel = 'SSE'
                        """).param("id", event.id()).param("centre", "unit:" + STREET_CENTRE);
        await().atMost(PATIENCE)
                .until(() -> query.query(Boolean.class).optional().isPresent());
        return query.query(Boolean.class).single();
    }

    private boolean centreFeed(Whistle whistle, String eventType) {
        var query = jdbc.sql("""
                        SELECT feed FROM delivery
                        WHERE whistle_id = :id AND event_type = :type AND recipient = :centre AND channel = 'SSE'
                        """)
                .param("id", whistle.id().value())
                .param("type", eventType)
                .param("centre", "unit:" + STREET_CENTRE);
        await().atMost(PATIENCE)
                .until(() -> query.query(Boolean.class).optional().isPresent());
        return query.query(Boolean.class).single();
    }

    private Map<String, String> centreSse(EventEnvelope<?> event) {
        var query = jdbc.sql("""
                        SELECT title, body FROM delivery
                        WHERE event_id = :id AND recipient = :centre AND channel = 'SSE'
                        """).param("id", event.id()).param("centre", "unit:" + STREET_CENTRE);
        await().atMost(PATIENCE).until(() -> !query.query((rs, n) -> 1).list().isEmpty());
        return query.query((rs, n) -> Map.of("title", rs.getString("title"), "body", rs.getString("body")))
                .single();
    }
}
