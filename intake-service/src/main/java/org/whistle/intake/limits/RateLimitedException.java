package org.whistle.intake.limits;

import java.time.Duration;

/** An anonymous caller asked too often; answered 429 with {@code Retry-After}. */
public class RateLimitedException extends RuntimeException {

    private final String limitedBy;
    private final Duration retryAfter;

    RateLimitedException(String limitedBy, Duration retryAfter) {
        super("too many requests from this " + limitedBy + "; try again in " + Math.max(1, retryAfter.toSeconds())
                + " s");
        this.limitedBy = limitedBy;
        this.retryAfter = retryAfter;
    }

    public String limitedBy() {
        return limitedBy;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
