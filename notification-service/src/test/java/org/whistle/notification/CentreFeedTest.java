package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import tools.jackson.databind.JsonNode;

/**
 * The centre's live feed carries only what the centre acts on: a new whistle to file, a unit's decline, a lead's
 * 办结 to verify. Every other event of its whistles still reaches its dashboard, to reload it, but not its feed; and
 * what is written for the reporter never reaches the centre. Read from the centre's own stream, as its pages hear it.
 */
class CentreFeedTest extends NotificationServiceTest {

    private final String dispatcher =
            token("dispatcher-feed", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);

    @Test
    void carriesWhatTheCentreActsOnAndOnlyReloadsForTheRest() {
        try (var centre = listen("/api/notifications/stream/centres/" + STREET_CENTRE, dispatcher)) {
            var whistle = raise(userReporter("resident-feed"));
            var filed = routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED);
            var reportedIn = reported(whistle, WhistleReported.Report.REPORTED_IN, true);
            var declined = reported(whistle, WhistleReported.Report.DECLINED, false);
            var done = reported(whistle, WhistleReported.Report.DONE, true);
            for (var event : new EventEnvelope<?>[] {filed, reportedIn, declined, done}) {
                publish(event);
            }

            assertThat(feed(centre.awaitAbout(whistle, "whistle-raised")))
                    .as("a new whistle: the centre files it")
                    .isTrue();
            assertThat(feed(centre.awaitAbout(filed))).as("its own filing").isFalse();
            assertThat(feed(centre.awaitAbout(reportedIn)))
                    .as("a unit reporting in")
                    .isFalse();
            assertThat(feed(centre.awaitAbout(declined)))
                    .as("a unit declining: the centre summons again")
                    .isTrue();
            assertThat(feed(centre.awaitAbout(done)))
                    .as("the lead's 办结: the centre verifies")
                    .isTrue();
        }
    }

    @Test
    void neverShowsTheCentreWhatIsWrittenForTheReporter() {
        try (var centre = listen("/api/notifications/stream/centres/" + STREET_CENTRE, dispatcher)) {
            var whistle = raise(userReporter("resident-feed-texts"));
            var filed = routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED);
            publish(filed);
            var closure = closed(whistle);
            publish(closure);

            for (var event : new EventEnvelope<?>[] {filed, closure}) {
                var heard = centre.awaitAbout(event);
                assertThat(heard).hasSize(1);
                assertThat(heard.get(0).path("body").asString()).doesNotContain("您反映", "〔查询码〕");
                assertThat(heard.get(0).path("title").asString()).doesNotContain("您的哨情");
            }
        }
    }

    /** Whether the notification goes in the centre's feed; one notification per event and centre. */
    private static boolean feed(List<JsonNode> heard) {
        assertThat(heard).as("one notification per event and centre").hasSize(1);
        return heard.get(0).path("feed").asBoolean();
    }
}
