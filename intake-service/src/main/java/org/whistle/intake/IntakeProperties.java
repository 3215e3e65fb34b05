package org.whistle.intake;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.whistle.intake.raising.domain.CityExtent;

/**
 * {@code whistle.intake.*} (evidence limits are under {@code whistle.intake.evidence.*}).
 *
 * @param phoneKey base64 of a 256-bit AES key that encrypts reporters' phone numbers; required unless
 *     {@code insecureDevPhoneKey} is set
 * @param insecureDevPhoneKey use a fixed, publicly known key instead: for local development and tests only
 * @param trackingKey base64 of a key of at least 256 bits from which reporters' tracking codes are derived
 *     (HMAC-SHA-256 over the whistle id); required, and kept: changing it changes the codes intake can say again
 * @param trackingPrefix the capital letters tracking codes start with
 * @param cityCode the city node: its command centre is the fallback owner of whistles in no grid
 * @param zone the city's time zone, for tracking-code dates and Open311 times
 * @param descriptionMaxLength characters (code points) a description may hold
 * @param extent the box the city answers for; a point outside is refused
 * @param trustedProxies a regular expression matching the addresses of proxies (the gateway) whose
 *     {@code X-Forwarded-For} names the client; by default loopback only
 * @param live the stream tickets given to anonymous reporters for their 进度 page's live updates (ADR 0059)
 */
@ConfigurationProperties("whistle.intake")
public record IntakeProperties(
        @Nullable String phoneKey,
        @DefaultValue("false") boolean insecureDevPhoneKey,
        @Nullable String trackingKey,
        @DefaultValue("QQ") String trackingPrefix,
        @DefaultValue("230200") String cityCode,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("2000") int descriptionMaxLength,
        @DefaultValue Extent extent,
        @DefaultValue Nearby nearby,
        @DefaultValue RateLimits rateLimits,
        @DefaultValue Open311 open311,
        @DefaultValue(LOOPBACK) String trustedProxies,
        @DefaultValue Live live) {

    /** IPv4 and IPv6 loopback: where the local stack's gateway calls from. */
    public static final String LOOPBACK = "127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|0:0:0:0:0:0:0:1|::1";

    /** Qiqihar's administrative area with a margin (about 45.9–48.9 N, 122.4–126.7 E) unless configured. */
    public record Extent(
            @DefaultValue("45.8") double south,
            @DefaultValue("122.3") double west,
            @DefaultValue("48.95") double north,
            @DefaultValue("126.8") double east) {

        public CityExtent toCityExtent() {
            return new CityExtent(south, west, north, east);
        }
    }

    /**
     * @param ticketKey base64 of the key (at least 256 bits) that signs stream tickets, shared with notification-service
     *     ({@code WHISTLE_STREAM_TICKET_KEY}); without it no ticket is issued and anonymous reporters refresh by hand
     * @param ticketLifetime how long a ticket opens its whistle's stream; the page renews it by the same look-up
     */
    public record Live(
            @Nullable String ticketKey, @DefaultValue("30m") Duration ticketLifetime) {}

    /** Duplicate suggestions: the radius used when none is asked for, and the largest allowed. */
    public record Nearby(
            @DefaultValue("200") int defaultRadiusMetres,
            @DefaultValue("1000") int maxRadiusMetres) {}

    /**
     * Requests anonymous callers may make per period, per key; {@code 0} turns a limit off. Signed-in callers are
     * limited at the gateway. Failed lookups by tracking code are counted separately, per client address and per
     * whistle, over {@code lookupPeriod}. A dispatcher's searches by phone number are limited per caller over
     * {@code period} ({@code phoneSearchesPerCaller}).
     */
    public record RateLimits(
            @DefaultValue("1h") Duration period,
            @DefaultValue("10") int perPhone,
            @DefaultValue("20") int perDevice,
            @DefaultValue("60") int perAddress,
            @DefaultValue("15m") Duration lookupPeriod,
            @DefaultValue("20") int failedLookupsPerAddress,
            @DefaultValue("10") int failedLookupsPerWhistle,
            @DefaultValue("300") int reverseLookupsPerAddress,
            @DefaultValue("60") int phoneSearchesPerCaller) {}

    /**
     * The Open311 façade.
     *
     * @param apiKeys keys configured beside those administrators issue (the local stack's demo key); a client sends
     *     one as {@code api_key} to post requests or updates, and reads descriptions with it
     * @param jurisdictionId the one jurisdiction served; requests naming another are 404
     * @param publicUrl the address clients reach the platform at (the gateway's public address, e.g.
     *     {@code https://whistle.example.gov.cn}), which discovery advertises; unset, the request's own
     * @param defaultWindow {@code GET requests} without dates: the spec's 90 days up to now
     * @param defaultPageSize results of {@code GET requests} when no {@code page_size} is asked: the spec's 1,000
     * @param maxPageSize the largest {@code page_size}; beyond it, clients page ({@code page}, {@code Link: next})
     * @param descriptionMaxLength characters of a description posted through Open311 (the spec's 4,000)
     * @param publicDescriptions whether callers without a key read descriptions (phones masked); off by default:
     *     they are people's words and may name people
     */
    public record Open311(
            @DefaultValue List<String> apiKeys,
            @DefaultValue("qiqihar.gov.cn") String jurisdictionId,
            @Nullable String publicUrl,
            @DefaultValue("90d") Duration defaultWindow,
            @DefaultValue("1000") int defaultPageSize,
            @DefaultValue("1000") int maxPageSize,
            @DefaultValue("4000") int descriptionMaxLength,
            @DefaultValue("false") boolean publicDescriptions) {}
}
