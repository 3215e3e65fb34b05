package org.whistle.intake.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.whistle.intake.IntakeProperties;

/**
 * Slows down guessing: lookups by tracking code that fail (no such code, or not with this phone) are counted per
 * client address and per whistle — the code asked for on {@code /track}, the id on the other paths, counted whether
 * or not it exists, so the limit itself says nothing about existence. Once either count reaches its limit within the
 * period, lookups by code from that address, or for that whistle, are answered 429 until the window ends, the
 * reporter's right ones included (a short wait for the reporter; months for a guesser of 50-bit codes).
 *
 * <p>Counts are kept in memory, per replica, in at most {@code MAX_KEYS} windows (the oldest window is forgotten
 * first): bounded whatever a caller sends, and enough here because a success needs the code and the phone at once.
 * With n replicas a guesser gets at most n times the limit.
 */
@Component
public class FailedLookups {

    static final int MAX_KEYS = 100_000;

    private final IntakeProperties.RateLimits limits;
    private final Clock clock;
    private final Map<String, Window> windows = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_KEYS;
        }
    };

    FailedLookups(IntakeProperties properties, Clock clock) {
        this.limits = properties.rateLimits();
        this.clock = clock;
    }

    private record Window(Instant end, int failures) {}

    /**
     * Refuses a lookup by code when the address or the whistle has used up its failures.
     *
     * @param whistle the code asked for, or the whistle id in the path
     * @throws RateLimitedException naming what is limited
     */
    public synchronized void check(@Nullable String address, String whistle) {
        var now = clock.instant();
        exhausted(addressKey(address), limits.failedLookupsPerAddress(), now, "address");
        exhausted(whistleKey(whistle), limits.failedLookupsPerWhistle(), now, "whistle");
    }

    /** Counts a failed lookup by code against the address and the whistle. */
    public synchronized void failed(@Nullable String address, String whistle) {
        var now = clock.instant();
        count(addressKey(address), now);
        count(whistleKey(whistle), now);
    }

    private void exhausted(@Nullable String key, int limit, Instant now, String what) {
        if (key == null || limit <= 0) {
            return;
        }
        var window = windows.get(key);
        if (window != null && window.end().isAfter(now) && window.failures() >= limit) {
            throw new RateLimitedException(what, Duration.between(now, window.end()));
        }
    }

    private void count(@Nullable String key, Instant now) {
        if (key == null) {
            return;
        }
        var window = windows.get(key);
        if (window == null || !window.end().isAfter(now)) {
            windows.remove(key);
            windows.put(key, new Window(now.plus(limits.lookupPeriod()), 1));
        } else {
            windows.put(key, new Window(window.end(), window.failures() + 1));
        }
    }

    /** Windows held now: at most {@link #MAX_KEYS}. */
    synchronized int size() {
        return windows.size();
    }

    private static @Nullable String addressKey(@Nullable String address) {
        return address == null || address.isBlank() ? null : "address:" + address;
    }

    /** Hashed: a code typed (right or wrong) is kept in memory only as its digest. */
    private static String whistleKey(String whistle) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(whistle.strip().toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "whistle:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
