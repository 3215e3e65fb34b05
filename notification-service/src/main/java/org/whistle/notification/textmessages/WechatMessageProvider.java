package org.whistle.notification.textmessages;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.delivery.Delivery;
import org.whistle.notification.delivery.Undeliverable;
import org.whistle.notification.textmessages.domain.SmsTemplate;

/**
 * WeChat messages to a reporter's open id through WeChat's own API ({@link WechatApi}): an official account's
 * template message ({@code cgi-bin/message/template/send}) or a mini program's subscription message
 * ({@code cgi-bin/message/subscribe/send}). WeChat sends only templates the account has chosen, so each message kind
 * that may go by WeChat is registered by name with the template's id and what fills its {@code data} keys, as for SMS.
 *
 * <p>A template message carries the delivery's id as {@code client_msg_id}, which WeChat keeps for ten minutes to send
 * one message per open id and id: a retry after an answer that was lost does not reach the reporter twice.
 */
class WechatMessageProvider implements TextMessageProvider {

    /**
     * The reporter cannot be reached on WeChat: not following the account (43004), refused or never allowed
     * subscription messages (43101), or an open id that is not the account's (40003).
     */
    static final Set<Long> UNREACHABLE = Set.of(43004L, 43101L, 40003L);

    private final WechatApi api;
    private final boolean subscription;
    private final @Nullable String link;
    private final Map<String, SmsTemplate> templates;

    WechatMessageProvider(
            NotificationProperties.Wechat settings,
            WechatApi api,
            Map<String, NotificationProperties.RegisteredTemplate> registered) {
        this.api = api;
        this.subscription = switch (settings.messageApi().toLowerCase(Locale.ROOT)) {
            case "template" -> false;
            case "subscribe" -> true;
            default ->
                throw new IllegalStateException("whistle.notification.wechat.account.message-api is template or"
                        + " subscribe, not " + settings.messageApi());
        };
        this.link = settings.link() == null || settings.link().isBlank() ? null : settings.link();
        var byName = new HashMap<String, SmsTemplate>();
        registered.forEach((name, template) -> {
            if (template.code() == null || template.code().isBlank()) {
                throw new IllegalStateException("the WeChat template registered for " + name + " has no id");
            }
            byName.put(name, new SmsTemplate(template.code(), template.parameters()));
        });
        this.templates = Map.copyOf(byName);
    }

    @Override
    public boolean needsContact() {
        return true;
    }

    @Override
    public Sent send(Delivery delivery, String openId, String text) throws IOException, InterruptedException {
        var template = templates.get(delivery.template());
        if (template == null) {
            throw Undeliverable.refused("没有为此类消息登记微信模板（" + delivery.template() + "）");
        }
        var data = new LinkedHashMap<String, Object>();
        template.fill(delivery.title(), text).forEach((key, value) -> data.put(key, Map.of("value", value)));
        var message = new LinkedHashMap<String, Object>();
        message.put("touser", openId);
        message.put("template_id", template.code());
        if (link != null) {
            message.put(subscription ? "page" : "url", link);
        }
        message.put("data", data);
        if (!subscription) {
            message.put("client_msg_id", "whistle-" + delivery.id());
        }
        var answer =
                api.call(subscription ? "cgi-bin/message/subscribe/send" : "cgi-bin/message/template/send", message);
        long errcode = answer.errcode();
        if (errcode == 0) {
            var id = answer.body().path("msgid").asString("");
            // WeChat pushes the outcome by this id to /api/notifications/wechat-events (WechatEventsController).
            return id.isBlank() ? new Sent("微信消息已发送", null) : new Sent("微信消息已发送（msgid " + id + "）", "wechat:" + id);
        }
        if (WechatApi.TRY_LATER.contains(errcode) || WechatApi.TOKEN_REJECTED.contains(errcode)) {
            throw new IOException("微信暂不能发送（errcode " + errcode + "）");
        }
        if (UNREACHABLE.contains(errcode)) {
            throw Undeliverable.unreachable("微信联系不到反映问题的群众（errcode " + errcode + "）");
        }
        throw Undeliverable.refused("微信拒收（errcode " + errcode + "）");
    }
}
