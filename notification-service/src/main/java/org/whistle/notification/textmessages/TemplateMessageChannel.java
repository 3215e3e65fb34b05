package org.whistle.notification.textmessages;

import org.whistle.notification.delivery.Channel;
import org.whistle.notification.delivery.Delivery;
import org.whistle.notification.delivery.Undeliverable;
import org.whistle.notification.delivery.WhistleContexts;
import org.whistle.notification.rules.domain.ChannelKind;

/** SMS or WeChat to a phone reporter ({@code reporter:<whistle id>}) through the channel's provider. */
class TemplateMessageChannel implements Channel {

    private final ChannelKind kind;
    private final TextMessageProvider provider;
    private final ReporterContacts contacts;
    private final WhistleContexts whistles;

    TemplateMessageChannel(
            ChannelKind kind, TextMessageProvider provider, ReporterContacts contacts, WhistleContexts whistles) {
        this.kind = kind;
        this.provider = provider;
        this.contacts = contacts;
        this.whistles = whistles;
    }

    @Override
    public ChannelKind kind() {
        return kind;
    }

    @Override
    public String send(Delivery delivery) throws Exception {
        var whistle = delivery.whistleId();
        if (whistle == null) {
            throw Undeliverable.unreachable("no whistle to find the reporter by");
        }
        if (!provider.needsContact()) {
            var masked = whistles.find(whistle)
                    .map(context -> context.reporterPhoneMasked())
                    .orElse(null);
            return provider.send(delivery, masked == null ? "(no number in the event)" : masked);
        }
        var contact = contacts.contactOf(whistle);
        var address = kind == ChannelKind.WECHAT ? contact.wechatOpenId() : contact.phone();
        if (address == null || address.isBlank()) {
            throw Undeliverable.unreachable("the reporter has no " + kind + " contact");
        }
        return provider.send(delivery, address);
    }
}
