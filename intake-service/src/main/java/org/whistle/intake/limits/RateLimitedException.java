package org.whistle.intake.limits;

import java.time.Duration;
import org.whistle.texts.Phrase;

/** An anonymous caller asked too often; answered 429 with {@code Retry-After}. */
public class RateLimitedException extends RuntimeException {

    private final String limitedBy;
    private final Duration retryAfter;

    RateLimitedException(String limitedBy, Duration retryAfter) {
        super(reason(limitedBy, retryAfter).toString());
        this.limitedBy = limitedBy;
        this.retryAfter = retryAfter;
    }

    public String limitedBy() {
        return limitedBy;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Why, by catalogue key: what was limited (phone, device, address, whistle) and how many seconds to wait. */
    public Phrase reason() {
        return reason(limitedBy, retryAfter);
    }

    private static Phrase reason(String limitedBy, Duration retryAfter) {
        return Phrase.of(
                "intake.refusal.rateLimited",
                "what",
                Phrase.of("intake.refusal.rateLimited." + limitedBy),
                "seconds",
                Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }
}
