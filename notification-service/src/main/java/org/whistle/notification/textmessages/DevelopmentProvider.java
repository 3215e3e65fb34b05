package org.whistle.notification.textmessages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.whistle.notification.delivery.Delivery;
import org.whistle.security.personaldata.PersonalData;

/**
 * Sends nothing: logs what would be sent and keeps it in the dev outbox. It addresses the masked number the event
 * carried, since the real one stays in intake; the default wherever no provider is configured.
 *
 * <p>The dev outbox is the local stack's stand-in for the reporter's own phone, so it keeps the text as the reporter
 * would read it, tracking code filled in; the log line keeps the placeholder, like everything else this service
 * writes.
 */
class DevelopmentProvider implements TextMessageProvider {

    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentProvider.class);

    private final DevOutbox outbox;

    DevelopmentProvider(DevOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public boolean needsContact() {
        return false;
    }

    @Override
    public Sent send(Delivery delivery, String maskedAddress, String text) {
        var address = java.util.Objects.requireNonNull(PersonalData.phonesIn(maskedAddress));
        long id = outbox.write(
                delivery.channel().name(), delivery.recipient().address(), address, delivery.template(), text);
        LOG.info(
                "[DEVELOPMENT {} PROVIDER — NOT SENT; masked number from the event, intake holds the real one] to {} ({}): {}",
                delivery.channel(),
                address,
                delivery.template(),
                PersonalData.phonesIn(delivery.body()));
        return new Sent("development provider: dev outbox " + id, null);
    }
}
