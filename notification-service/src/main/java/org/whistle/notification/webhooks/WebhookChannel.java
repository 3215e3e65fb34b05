package org.whistle.notification.webhooks;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.delivery.Channel;
import org.whistle.notification.delivery.Delivery;
import org.whistle.notification.delivery.Undeliverable;
import org.whistle.notification.delivery.domain.Recipient;
import org.whistle.notification.inbox.AdminAlerts;
import org.whistle.notification.rules.domain.ChannelKind;
import org.whistle.notification.webhooks.domain.WebhookSignature;

/**
 * Posts the event envelope (JSON) to each matching subscription of the unit, signed per {@link WebhookSignature}.
 * 2xx is success; 408, 429 and 5xx are retried; any other answer is refused for good. After {@code disableAfter}
 * failed deliveries in a row the subscription is disabled and administrators are alerted.
 *
 * <p>Each delivery checks the URL again ({@link WebhookTargets}) and connects to the address it checked, on a fresh
 * connection; redirects are not followed and the answer's body is never read. The log keeps the status code or a
 * refusal in our own words, never what the other side wrote.
 */
@Component
class WebhookChannel implements Channel, DisposableBean {

    private final WebhookSubscriptions subscriptions;
    private final WebhookTargets targets;
    private final AdminAlerts alerts;
    private final Clock clock;
    private final int disableAfter;
    private final WebhookHttp http;

    WebhookChannel(
            WebhookSubscriptions subscriptions,
            WebhookTargets targets,
            AdminAlerts alerts,
            NotificationProperties properties,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.alerts = alerts;
        this.clock = clock;
        this.disableAfter = properties.webhooks().disableAfter();
        this.http = new WebhookHttp();
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public List<String> targets(Recipient recipient, String eventType) {
        if (recipient.kind() != Recipient.Kind.UNIT) {
            return List.of();
        }
        return subscriptions.ofUnit(recipient.id()).stream()
                .filter(subscription -> subscription.active() && subscription.wants(eventType))
                .map(subscription -> subscription.id().toString())
                .toList();
    }

    @Override
    public String send(Delivery delivery) throws IOException, InterruptedException {
        var subscription = subscriptions
                .find(UUID.fromString(delivery.target()))
                .orElseThrow(() -> Undeliverable.unreachable("the subscription was removed"));
        if (!subscription.active()) {
            throw Undeliverable.unreachable("the subscription is disabled");
        }
        WebhookTargets.Target target;
        try {
            target = targets.check(subscription.url());
        } catch (WebhookTargets.Refused e) {
            throw Undeliverable.refused(e.getMessage());
        }
        long timestamp = clock.instant().getEpochSecond();
        var body = delivery.payload();
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(subscription.secret(), timestamp, body));
        headers.put(WebhookSignature.EVENT_ID_HEADER, delivery.eventId().toString());
        headers.put(WebhookSignature.EVENT_TYPE_HEADER, delivery.eventType());
        int status = http.post(target, headers, body);
        if (status >= 200 && status < 300) {
            return "HTTP " + status;
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new IOException("HTTP " + status);
        }
        throw Undeliverable.refused("HTTP " + status);
    }

    @Override
    public void settled(Delivery delivery, boolean delivered, String detail) {
        var id = UUID.fromString(delivery.target());
        if (delivered) {
            subscriptions.succeeded(id);
            return;
        }
        var reason = disableAfter + " deliveries in a row failed, the last: " + detail;
        if (subscriptions.failed(id, disableAfter, reason)) {
            var subscription = subscriptions.find(id).orElseThrow();
            alerts.alert(
                    "webhook-disabled",
                    "Webhook of " + subscription.unit() + " disabled",
                    "The subscription " + id + " (" + subscription.url() + ") of unit " + subscription.unit()
                            + " was disabled: " + reason + ". Re-enable it at /api/notifications/webhooks/" + id
                            + "/enable once the receiver works.");
        }
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }
}
