package org.whistle.messaging.testapp;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Rating;
import org.whistle.events.TraceIds;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleId;

/**
 * A minimal service for the messaging tests, in a package of its own so that its component scan leaves the
 * auto-configuration to Boot, as a service's does.
 */
@SpringBootApplication
public class MessagingTestApplication {

    /** A small, valid event about one whistle; the comment steers the test listener. */
    public static EventEnvelope<WhistleFeedback> feedback(WhistleId whistle, long revision, String comment) {
        var clock = Clock.systemUTC();
        return EventEnvelope.wrap(
                new WhistleFeedback(whistle, null, Rating.SATISFIED, true, comment, clock.instant()),
                revision,
                "messaging-test",
                TraceIds.newTraceId(),
                clock);
    }
}
