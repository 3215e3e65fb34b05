package org.whistle.notification.delivery;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.whistle.notification.delivery.domain.Recipient;
import org.whistle.notification.rules.domain.ChannelKind;
import org.whistle.notification.rules.domain.UrgencyClass;

/**
 * One planned message as a channel sends it.
 *
 * @param id the delivery log's row; 0 for a live (SSE) delivery, which no log holds ({@link LiveUpdates})
 * @param target the webhook subscription for {@link ChannelKind#WEBHOOK}, empty otherwise
 * @param payload the event envelope as JSON, the body webhooks receive
 */
public record Delivery(
        long id,
        UUID eventId,
        String eventType,
        @Nullable UUID whistleId,
        Recipient recipient,
        ChannelKind channel,
        String target,
        boolean leader,
        UrgencyClass urgency,
        String template,
        String title,
        String body,
        String payload,
        boolean feed) {

    /** A delivery for someone to act on (in their feed, not only a live page's reload). */
    public Delivery(
            long id,
            UUID eventId,
            String eventType,
            @Nullable UUID whistleId,
            Recipient recipient,
            ChannelKind channel,
            String target,
            boolean leader,
            UrgencyClass urgency,
            String template,
            String title,
            String body,
            String payload) {
        this(
                id, eventId, eventType, whistleId, recipient, channel, target, leader, urgency, template, title, body,
                payload, true);
    }

    /** The same delivery with another text: the reporter's, with the tracking code filled in as it is sent. */
    public Delivery withBody(String text) {
        return new Delivery(
                id, eventId, eventType, whistleId, recipient, channel, target, leader, urgency, template, title, text,
                payload, feed);
    }
}
