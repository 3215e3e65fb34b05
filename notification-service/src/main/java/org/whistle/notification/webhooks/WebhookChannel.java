package org.whistle.notification.webhooks;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
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
    private final CloseableHttpClient http;

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
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(NO_LOOKUPS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5))
                                .setSocketTimeout(Timeout.ofSeconds(30))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.ofSeconds(30))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setConnectionReuseStrategy((request, response, context) -> false)
                .build();
    }

    /** Every connection goes to an address {@link WebhookTargets} checked; the client itself never looks one up. */
    private static final DnsResolver NO_LOOKUPS = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            throw new UnknownHostException("webhooks connect only to checked addresses");
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            throw new UnknownHostException("webhooks connect only to checked addresses");
        }
    };

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
        var post = new HttpPost(target.uri());
        post.setHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        post.setHeader(
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(subscription.secret(), timestamp, body));
        post.setHeader(WebhookSignature.EVENT_ID_HEADER, delivery.eventId().toString());
        post.setHeader(WebhookSignature.EVENT_TYPE_HEADER, delivery.eventType());
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        var host = new HttpHost(target.scheme(), target.address(), target.host(), target.port());
        int status;
        try (var response = http.executeOpen(host, post, null)) {
            status = response.getCode();
        } catch (InterruptedIOException e) {
            throw new IOException("接收方超时未应答");
        } catch (SSLException e) {
            throw new IOException("与接收方的 TLS 握手失败");
        } catch (IOException e) {
            throw new IOException("无法连接接收方");
        }
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
