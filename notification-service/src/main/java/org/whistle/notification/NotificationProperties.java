package org.whistle.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code whistle.notification.*}: quiet rules, the sender, each channel's resilience, the providers and intake.
 *
 * @param reporterHourlyLimit routine messages a reporter gets per whistle and channel within {@code reporterWindow}
 * @param ratingLinkBase the reporter's tracking page, followed by the tracking code
 * @param pollInterval how often the sender looks for planned deliveries other replicas or a restart left behind
 * @param claimLease after this a delivery claimed by a sender that vanished is tried again
 * @param releaseInterval how often held-back reporter messages that are due go out as digests
 * @param channels resilience per channel name ({@code webhook}, {@code sms}, {@code wechat}, {@code inbox},
 *     {@code sse}); missing channels use {@link Resilience}'s defaults
 */
@ConfigurationProperties("whistle.notification")
public record NotificationProperties(
        @DefaultValue("3") int reporterHourlyLimit,
        @DefaultValue("1h") Duration reporterWindow,
        @DefaultValue("http://localhost:8080/track/") String ratingLinkBase,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("5m") Duration claimLease,
        @DefaultValue("10s") Duration releaseInterval,
        @DefaultValue("8") int senders,
        @Nullable URI intakeUri,
        @DefaultValue Client client,
        @DefaultValue Webhooks webhooks,
        @DefaultValue Provider sms,
        @DefaultValue Provider wechat,
        @DefaultValue Live live,
        @DefaultValue Map<String, Resilience> channels) {

    public NotificationProperties {
        channels = Map.copyOf(channels);
    }

    public Resilience resilience(String channel) {
        return channels.getOrDefault(channel, Resilience.DEFAULT);
    }

    /**
     * @param maxAttempts attempts per delivery, the first included
     * @param initialBackoff the wait after the first failure; doubled after each further one
     * @param timeout how long one attempt may take
     * @param perSecond attempts per second the channel allows across all recipients
     */
    public record Resilience(
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("50") int perSecond) {

        static final Resilience DEFAULT = new Resilience(4, Duration.ofSeconds(1), Duration.ofSeconds(10), 50);
    }

    /** The client-credentials grant this service uses to call intake's internal contact endpoint. */
    public record Client(
            @Nullable URI tokenUri,
            @Nullable String clientId,
            @Nullable String clientSecret) {}

    /**
     * @param disableAfter consecutive failed deliveries (after their retries) that disable a subscription
     * @param allowHttp whether plain http URLs are accepted; only the local stack sets it, production is https-only
     * @param testOnlyAllowedAddresses addresses exempt from the address policy (loopback receivers of tests); never set
     *     outside tests
     */
    public record Webhooks(
            @DefaultValue("5") int disableAfter,
            @DefaultValue("false") boolean allowHttp,
            @DefaultValue List<String> testOnlyAllowedAddresses) {

        public Webhooks {
            testOnlyAllowedAddresses = List.copyOf(testOnlyAllowedAddresses);
        }
    }

    /**
     * An SMS or WeChat template-message provider.
     *
     * @param type {@code development} (log and dev outbox, the default) or {@code http} (a JSON POST to {@code uri})
     * @param apiKey sent as a bearer token to the provider
     */
    public record Provider(
            @DefaultValue("development") String type,
            @Nullable URI uri,
            @Nullable String apiKey,
            @DefaultValue Map<String, String> templates) {

        public boolean isDevelopment() {
            return !"http".equalsIgnoreCase(type);
        }
    }

    /**
     * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open
     * @param timeout how long one stream stays open; clients reconnect
     */
    public record Live(
            @DefaultValue("15s") Duration heartbeat,
            @DefaultValue("30m") Duration timeout) {}
}
