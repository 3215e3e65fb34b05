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
 * @param orgRegistryUri where a unit's duty contact is asked for, to text its duty officers
 * @param channels resilience per channel name ({@code webhook}, {@code sms}, {@code wechat}, {@code inbox}; live
 *     updates are pushed without the sender, ADR 0056); missing channels use {@link Resilience}'s defaults
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
        @Nullable URI orgRegistryUri,
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
     * @param type {@code development} (log and dev outbox, the default), {@code http} (a JSON POST to {@code uri}),
     *     for SMS {@code aliyun} (Alibaba Cloud SMS) or {@code tencent} (Tencent Cloud SMS), for WeChat {@code wechat}
     *     (WeChat's own message API, {@link Wechat})
     * @param apiKey sent as a bearer token to the provider
     * @param registeredTemplates for {@code aliyun}, {@code tencent} and {@code wechat}: per message kind (the delivery's template, such
     *     as {@code whistle-routed.FILED}) the provider's approved template and what fills its variables
     * @param receiptToken the secret path segment that authenticates the provider's delivery receipts
     *     ({@code /api/notifications/sms-receipts/<provider>/<token>}); without one receipts are not taken
     */
    public record Provider(
            @DefaultValue("development") String type,
            @Nullable URI uri,
            @Nullable String apiKey,
            @DefaultValue Map<String, String> templates,
            @DefaultValue Aliyun aliyun,
            @DefaultValue Tencent tencent,
            @DefaultValue Wechat account,
            @DefaultValue Map<String, RegisteredTemplate> registeredTemplates,
            @Nullable String receiptToken) {

        public Provider {
            templates = Map.copyOf(templates);
            registeredTemplates = Map.copyOf(registeredTemplates);
        }

        /** The default: the development provider, nothing configured. */
        public static Provider development() {
            return new Provider(
                    "development",
                    null,
                    null,
                    Map.of(),
                    new Aliyun(URI.create("https://dysmsapi.aliyuncs.com/"), "cn-hangzhou", null, null, null),
                    new Tencent(URI.create("https://sms.tencentcloudapi.com/"), "ap-guangzhou", null, null, null, null),
                    new Wechat(URI.create("https://api.weixin.qq.com/"), null, null, "template", null, null),
                    Map.of(),
                    null);
        }

        public boolean isDevelopment() {
            return !List.of("http", "aliyun", "tencent", "wechat").contains(type.toLowerCase(java.util.Locale.ROOT));
        }

        /** Never the key or the receipt token: settings get logged. */
        @Override
        public String toString() {
            return "Provider[type=" + type + ", uri=" + uri + ", aliyun=" + aliyun + ", tencent=" + tencent
                    + ", account=" + account + ", registeredTemplates=" + registeredTemplates.keySet() + "]";
        }
    }

    /**
     * A provider's approved template for one message kind.
     *
     * @param code the provider's template code ({@code SMS_…}) or id
     * @param parameters the template's variables, in its order: name (Alibaba Cloud) or position {@code 1}, {@code 2}…
     *     (Tencent Cloud) to {@code title} or {@code text}
     */
    public record RegisteredTemplate(
            @Nullable String code, @DefaultValue Map<String, String> parameters) {}

    /**
     * Alibaba Cloud SMS (API version 2017-05-25, RPC signature).
     *
     * @param endpoint the only address requests go to
     * @param signName the approved 签名 shown in 【】 before every text
     */
    public record Aliyun(
            @DefaultValue("https://dysmsapi.aliyuncs.com/") URI endpoint,
            @DefaultValue("cn-hangzhou") String regionId,
            @Nullable String accessKeyId,
            @Nullable String accessKeySecret,
            @Nullable String signName) {

        @Override
        public String toString() {
            return "Aliyun[endpoint=" + endpoint + ", regionId=" + regionId + ", accessKeyId=" + accessKeyId
                    + ", signName=" + signName + "]";
        }
    }

    /**
     * Tencent Cloud SMS (API version 2021-01-11, TC3-HMAC-SHA256).
     *
     * @param endpoint the only address requests go to; its host is the signed {@code host}
     * @param sdkAppId the SMS application ({@code SmsSdkAppId})
     * @param signName the approved 签名
     */
    public record Tencent(
            @DefaultValue("https://sms.tencentcloudapi.com/")
            URI endpoint,

            @DefaultValue("ap-guangzhou") String region,
            @Nullable String secretId,
            @Nullable String secretKey,
            @Nullable String sdkAppId,
            @Nullable String signName) {

        @Override
        public String toString() {
            return "Tencent[endpoint=" + endpoint + ", region=" + region + ", secretId=" + secretId + ", sdkAppId="
                    + sdkAppId + ", signName=" + signName + "]";
        }
    }

    /**
     * WeChat's message API for an official account (公众号) or a mini program (小程序): the access token from
     * {@code cgi-bin/stable_token}, the messages to {@code cgi-bin/message/template/send} (official account template
     * message) or {@code cgi-bin/message/subscribe/send} (mini-program subscription message).
     *
     * @param endpoint WeChat's API base; the only address requests go to
     * @param appId the account's AppID
     * @param appSecret the account's AppSecret; never logged, best given as an environment variable
     * @param messageApi {@code template} (official account, the default) or {@code subscribe} (mini program)
     * @param link what the message opens when tapped: a web page ({@code template}) or a mini-program page
     *     ({@code subscribe}); none when absent. It carries no tracking code.
     * @param eventToken the Token (令牌) set in the account's server configuration, with which WeChat signs what it
     *     pushes to {@code /api/notifications/wechat-events}; without one that address answers 404
     */
    public record Wechat(
            @DefaultValue("https://api.weixin.qq.com/") URI endpoint,
            @Nullable String appId,
            @Nullable String appSecret,
            @DefaultValue("template") String messageApi,
            @Nullable String link,
            @Nullable String eventToken) {

        @Override
        public String toString() {
            return "Wechat[endpoint=" + endpoint + ", appId=" + appId + ", messageApi=" + messageApi + ", link=" + link
                    + "]";
        }
    }

    /**
     * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open
     * @param timeout how long one stream stays open; clients reconnect
     * @param ticketKey base64 of the key (at least 256 bits) intake signs anonymous reporters' stream tickets with
     *     ({@code WHISTLE_STREAM_TICKET_KEY}, the same in both services, ADR 0059); without it no ticket is accepted
     *     and anonymous reporters' 进度 pages are refreshed by hand
     * @param whistleStreamsPerCaller how many whistle streams one signed-in caller, or the holders of one whistle's
     *     tickets together, may hold open at once; one more is refused (429)
     */
    public record Live(
            @DefaultValue("15s") Duration heartbeat,
            @DefaultValue("30m") Duration timeout,
            @Nullable String ticketKey,
            @DefaultValue("10") int whistleStreamsPerCaller) {}
}
