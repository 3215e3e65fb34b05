package org.whistle.notification.textmessages;

import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.whistle.notification.delivery.Channel;
import org.whistle.notification.delivery.Delivery;
import org.whistle.notification.delivery.Undeliverable;
import org.whistle.notification.delivery.WhistleContexts;
import org.whistle.notification.delivery.domain.Messages;
import org.whistle.notification.delivery.domain.Recipient;
import org.whistle.notification.rules.domain.ChannelKind;
import org.whistle.security.personaldata.AccessDecision.Accessor;
import org.whistle.security.personaldata.AccessDecisions;
import org.whistle.security.personaldata.Disclosure;

/**
 * SMS or WeChat to a phone reporter ({@code reporter:<whistle id>}) through the channel's provider; each hand-over of
 * the reporter's address to a provider is recorded in the access-decision log. The tracking code comes with intake's
 * contact and goes only into the text handed to an SMS provider ({@link Messages#withTrackingCode}); WeChat's texts
 * carry none ({@link Messages#withoutTrackingCode}).
 */
class TemplateMessageChannel implements Channel {

    static final String SERVICE = "notification-service";
    private static final Logger LOG = LoggerFactory.getLogger(TemplateMessageChannel.class);

    private final ChannelKind kind;
    private final TextMessageProvider provider;
    private final ReporterContacts contacts;
    private final WhistleContexts whistles;
    private final AccessDecisions decisions;
    private final SmsReceipts receipts;
    private final UnitDutyContacts dutyContacts;

    TemplateMessageChannel(
            ChannelKind kind,
            TextMessageProvider provider,
            ReporterContacts contacts,
            WhistleContexts whistles,
            AccessDecisions decisions,
            SmsReceipts receipts,
            UnitDutyContacts dutyContacts) {
        this.kind = kind;
        this.provider = provider;
        this.contacts = contacts;
        this.whistles = whistles;
        this.decisions = decisions;
        this.receipts = receipts;
        this.dutyContacts = dutyContacts;
    }

    @Override
    public ChannelKind kind() {
        return kind;
    }

    @Override
    public String send(Delivery delivery) throws Exception {
        if (delivery.recipient().kind() == Recipient.Kind.UNIT) {
            return toDutyOfficers(delivery);
        }
        var whistle = delivery.whistleId();
        if (whistle == null) {
            throw Undeliverable.unreachable("no whistle to find the reporter by");
        }
        if (!provider.needsContact()) {
            var masked = whistles.find(whistle)
                    .map(context -> context.reporterPhoneMasked())
                    .orElse(null);
            handing(whistle, Disclosure.MASKED).allowed("development-provider");
            return provider.send(
                            delivery,
                            masked == null ? "(no number in the event)" : masked,
                            kind == ChannelKind.WECHAT
                                    ? Messages.withoutTrackingCode(delivery.body())
                                    : Messages.withTrackingCode(delivery.body(), developmentTrackingCode(whistle)))
                    .detail();
        }
        var contact = contacts.contactOf(whistle);
        var address = kind == ChannelKind.WECHAT ? contact.wechatOpenId() : contact.phone();
        if (address == null || address.isBlank()) {
            throw Undeliverable.unreachable("the reporter has no " + kind + " contact");
        }
        // The number leaves Whistle for the provider: recorded like any other disclosure, without the number.
        handing(whistle, Disclosure.FULL).allowed("reporter-told-by-rule:" + delivery.template());
        var text = kind == ChannelKind.WECHAT
                ? Messages.withoutTrackingCode(delivery.body())
                : Messages.withTrackingCode(delivery.body(), contact.trackingCode());
        var sent = provider.send(delivery, address, text);
        if (sent.receiptKey() != null) {
            receipts.expect(delivery.id(), sent.receiptKey());
        }
        return sent.detail();
    }

    /**
     * A unit's duty officers (召集, 督办): texted on the unit's duty contact from org-registry. Their texts carry no
     * tracking code. The development provider needs no number and is handed the unit's address instead.
     */
    private String toDutyOfficers(Delivery delivery) throws Exception {
        if (kind != ChannelKind.SMS) {
            throw Undeliverable.unreachable("单位只以短信通知值班人员");
        }
        var unit = delivery.recipient().id();
        var decision = decisions.about("duty-contact", unit, "send-sms").by(Accessor.system(SERVICE));
        if (!provider.needsContact()) {
            decision.disclosed("duty.phone", Disclosure.NONE).allowed("development-provider");
            return provider.send(delivery, "值班人员（" + delivery.recipient().address() + "）", delivery.body())
                    .detail();
        }
        var phone = dutyContacts.phoneOf(unit);
        // The duty phone leaves Whistle for the provider: recorded like any other disclosure, without the number.
        decision.disclosed("duty.phone", Disclosure.FULL).allowed("duty-officer-told-by-rule:" + delivery.template());
        var sent = provider.send(delivery, phone, delivery.body());
        if (sent.receiptKey() != null) {
            receipts.expect(delivery.id(), sent.receiptKey());
        }
        return sent.detail();
    }

    /**
     * The development provider needs no number, but the reporter's text needs their code: asked of intake where it is
     * configured (the local stack); without intake the text keeps the placeholder.
     */
    private @Nullable String developmentTrackingCode(UUID whistle) throws InterruptedException {
        try {
            return contacts.contactOf(whistle).trackingCode();
        } catch (Undeliverable | IOException e) {
            LOG.debug("no tracking code for whistle {} from intake: {}", whistle, e.getMessage());
            return null;
        }
    }

    private AccessDecisions.Pending handing(java.util.UUID whistle, Disclosure how) {
        return decisions
                .about("reporter-contact", whistle, "send-" + kind.name().toLowerCase(java.util.Locale.ROOT))
                .by(Accessor.system(SERVICE))
                .disclosed(kind == ChannelKind.WECHAT ? "reporter.wechat" : "reporter.phone", how);
    }
}
