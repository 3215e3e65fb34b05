package org.whistle.intake.limits;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.whistle.intake.IntakeProperties;

/**
 * Limits what anonymous callers may raise, per phone number, per device id ({@code X-Device-Id}) and per client
 * address, each with its own Resilience4j rate limiter; the first exhausted key refuses the request. Phone numbers are hashed before they become limiter names.
 */
@Component
public class RateLimits {

    public static final String DEVICE_HEADER = "X-Device-Id";

    private final RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
    private final IntakeProperties.RateLimits limits;

    RateLimits(IntakeProperties properties) {
        this.limits = properties.rateLimits();
    }

    /**
     * Takes one permit per key that is present.
     *
     * @throws RateLimitedException naming the first exhausted key
     */
    public void takeAnonymous(@Nullable String phone, @Nullable String deviceId, @Nullable String address) {
        var phoneLimiter =
                limiter("phone", phone == null ? null : sha256(phone.replaceAll("\\D", "")), limits.perPhone());
        var deviceLimiter = limiter("device", deviceId, limits.perDevice());
        var addressLimiter = limiter("address", address, limits.perAddress());
        take(phoneLimiter, "phone number");
        take(deviceLimiter, "device");
        take(addressLimiter, "address");
    }

    /**
     * One reverse lookup (the raise page's address under the pin) for the client address: a pin dragged about asks
     * often, a client walking the whole city's grid asks far more.
     *
     * @throws RateLimitedException when the address asked too often this period
     */
    public void takeReverseLookup(@Nullable String address) {
        take(limiter("reverse-lookup", address, limits.reverseLookupsPerAddress()), "address");
    }

    /**
     * One search by phone number for a dispatcher ({@code subject}): a number is personal data, and a caller trying
     * number after number is looking for people, not whistles.
     *
     * @throws RateLimitedException when the caller searched too often this period
     */
    public void takePhoneSearch(String subject) {
        take(limiter("phone-search", subject, limits.phoneSearchesPerCaller()), "phoneSearch");
    }

    private void take(@Nullable RateLimiter limiter, String what) {
        if (limiter == null) {
            return;
        }
        if (!limiter.acquirePermission()) {
            var wait = limiter instanceof AtomicRateLimiter atomic
                    ? Duration.ofNanos(atomic.getDetailedMetrics().getNanosToWait())
                    : limits.period();
            throw new RateLimitedException(what, wait.isZero() || wait.isNegative() ? limits.period() : wait);
        }
    }

    private @Nullable RateLimiter limiter(String kind, @Nullable String key, int perPeriod) {
        if (key == null || key.isBlank() || perPeriod <= 0) {
            return null;
        }
        var name = kind + ":" + (key.length() > 128 ? sha256(key) : key);
        return registry.rateLimiter(
                name,
                () -> RateLimiterConfig.custom()
                        .limitForPeriod(perPeriod)
                        .limitRefreshPeriod(limits.period())
                        .timeoutDuration(Duration.ZERO)
                        .build());
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
