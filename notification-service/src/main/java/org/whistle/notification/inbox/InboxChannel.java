package org.whistle.notification.inbox;

import org.springframework.stereotype.Component;
import org.whistle.notification.delivery.Channel;
import org.whistle.notification.delivery.Delivery;
import org.whistle.notification.rules.domain.ChannelKind;

/** Puts a delivery into its recipient's inbox; a resend finds the item already there. */
@Component
class InboxChannel implements Channel {

    private final Inbox inbox;

    InboxChannel(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.INBOX;
    }

    @Override
    public String send(Delivery delivery) {
        long item = inbox.put(
                delivery.recipient().address(),
                delivery.id(),
                delivery.whistleId(),
                delivery.eventType(),
                delivery.title(),
                delivery.body(),
                delivery.leader(),
                delivery.urgency().name());
        return "inbox item " + item;
    }
}
