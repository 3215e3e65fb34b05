package org.whistle.notification.live;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.whistle.notification.delivery.Channel;
import org.whistle.notification.delivery.Delivery;
import org.whistle.notification.rules.domain.ChannelKind;

/**
 * Pushes a delivery to the recipient's open streams on this replica. Nobody listening is no failure: live pages load
 * their state when they connect and the inbox keeps what matters.
 */
@Component
class SseChannel implements Channel {

    /**
     * What a live page receives, named by the event type; {@code feed} false when it only tells the page to reload
     * (nothing for this reader to act on).
     */
    record LiveNotification(
            long deliveryId,
            UUID eventId,
            String eventType,
            @Nullable UUID whistleId,
            String recipient,
            String title,
            String body,
            boolean leader,
            String urgency,
            Instant at,
            boolean feed) {}

    private final LiveStreams streams;
    private final java.time.Clock clock;

    SseChannel(LiveStreams streams, java.time.Clock clock) {
        this.streams = streams;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SSE;
    }

    @Override
    public String send(Delivery delivery) {
        // a leader's copy (督办) goes to the unit's leaders' streams only
        var address = (delivery.leader() ? LiveStreams.LEADER_PREFIX : "")
                + delivery.recipient().address();
        var id = Long.toString(delivery.id());
        var notification = new LiveNotification(
                delivery.id(),
                delivery.eventId(),
                delivery.eventType(),
                delivery.whistleId(),
                delivery.recipient().address(),
                delivery.title(),
                delivery.body(),
                delivery.leader(),
                delivery.urgency().name(),
                clock.instant(),
                delivery.feed());
        int reached = streams.publish(address, id, delivery.eventType(), notification);
        if (delivery.whistleId() != null) {
            reached += streams.publish(
                    LiveStreams.whistleAddress(address, delivery.whistleId()), id, delivery.eventType(), notification);
        }
        return reached + " listener(s)";
    }
}
