package org.whistle.notification.webhooks.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code X-Whistle-Signature: sha256=<hex>}, where hex is the lower-case HMAC-SHA256, keyed
 * with the subscription's secret (UTF-8), of {@code <X-Whistle-Timestamp>.<raw request body>}, the timestamp being
 * Unix seconds. Receivers recompute it, compare in constant time and refuse timestamps more than
 * {@link #TOLERANCE} away from their clock, so a captured request cannot be replayed later.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-Whistle-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Whistle-Signature";
    public static final String EVENT_ID_HEADER = "X-Whistle-Event-Id";
    public static final String EVENT_TYPE_HEADER = "X-Whistle-Event-Type";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    public static String sign(String secret, long timestamp, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** What a receiver checks: a fresh timestamp and a matching signature. */
    public static boolean verify(
            String secret, String timestampHeader, String signatureHeader, String body, Instant now) {
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                signatureHeader.trim().getBytes(StandardCharsets.UTF_8));
    }
}
