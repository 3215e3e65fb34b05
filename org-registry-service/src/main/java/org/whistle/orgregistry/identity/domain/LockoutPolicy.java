package org.whistle.orgregistry.identity.domain;

import java.time.Duration;

/**
 * After {@code maxFailures} consecutive failed logins an account is locked out for {@code duration}; guessing a
 * password then takes too long to be worth it, and the owner is back in without calling anyone.
 */
public record LockoutPolicy(int maxFailures, Duration duration) {

    public LockoutPolicy {
        if (maxFailures < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a lockout needs at least one failure and a positive duration");
        }
    }
}
