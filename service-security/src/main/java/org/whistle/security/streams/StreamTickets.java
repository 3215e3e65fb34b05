package org.whistle.security.streams;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A short-lived ticket to one whistle's live stream: {@code <expiry in epoch seconds>.<HMAC-SHA-256>} over a fixed
 * label, the whistle id and the expiry, with a key intake (which issues it after a code + phone check) and
 * notification-service (which verifies it on every stream it opens, without asking intake) share. It names no person
 * and carries no tracking code: the whistle id travels beside it in the stream's path and is part of what is signed,
 * so a ticket opens that whistle's stream and no other, and only until it expires.
 */
public final class StreamTickets {

    /** The longest ticket accepted: the expiry's digits, a dot and the signature's 43 base64url characters. */
    public static final int MAX_LENGTH = 64;

    private static final String LABEL = "whistle-stream-ticket-v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    private StreamTickets(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * The tickets of a key given as base64 of at least 256 bits ({@code WHISTLE_STREAM_TICKET_KEY}); a shorter or
     * malformed key is refused so that a service does not start with a guessable one.
     */
    public static StreamTickets withKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the stream-ticket key is not base64", e);
        }
        if (bytes.length < 32) {
            throw new IllegalStateException(
                    "the stream-ticket key must hold at least 32 bytes (256 bits); it holds " + bytes.length);
        }
        return new StreamTickets(bytes);
    }

    /** A ticket to this whistle's stream, good until {@code expires} (to the second). */
    public String issue(UUID whistleId, Instant expires) {
        long seconds = expires.getEpochSecond();
        return seconds + "." + ENCODER.encodeToString(signature(whistleId, seconds));
    }

    /**
     * When the ticket expires, if it was issued with this key for this whistle and has not expired at {@code now};
     * empty for anything else (malformed, too long, another whistle's, expired).
     */
    public Optional<Instant> verify(String ticket, UUID whistleId, Instant now) {
        if (ticket.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = ticket.indexOf('.');
        if (dot < 1 || dot > 19) {
            return Optional.empty();
        }
        long seconds;
        byte[] given;
        try {
            seconds = Long.parseLong(ticket.substring(0, dot));
            given = Base64.getUrlDecoder().decode(ticket.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(given, signature(whistleId, seconds))) {
            return Optional.empty();
        }
        var expires = Instant.ofEpochSecond(seconds);
        return now.isBefore(expires) ? Optional.of(expires) : Optional.empty();
    }

    private byte[] signature(UUID whistleId, long expiresEpochSecond) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(
                    (LABEL + "|" + whistleId + "|" + expiresEpochSecond).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
