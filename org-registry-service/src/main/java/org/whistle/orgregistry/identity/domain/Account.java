package org.whistle.orgregistry.identity.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A person's account. Its password hash lives beside it in storage and never in this value, so an account can be
 * logged, audited and shown safely. Login attempts move it through the lockout: failures count up, the last allowed
 * failure locks it until a moment passes, and a success clears both.
 */
public record Account(
        AccountId id,
        String username,
        Profile profile,
        boolean enabled,
        boolean locked,
        int failedAttempts,
        @Nullable Instant lockedUntil) {

    public static Account open(AccountId id, String username, Profile profile) {
        return new Account(id, username, profile, true, false, 0, null);
    }

    public LoginCheck checkLogin(Instant now) {
        if (!enabled) {
            return new LoginCheck.Rejected(LoginCheck.Reason.DISABLED);
        }
        if (locked) {
            return new LoginCheck.Rejected(LoginCheck.Reason.LOCKED);
        }
        if (isLockedOut(now)) {
            return new LoginCheck.Rejected(LoginCheck.Reason.LOCKED_OUT);
        }
        return new LoginCheck.Allowed();
    }

    public boolean isLockedOut(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** A wrong password: one more failure, or the lockout when that was the last one allowed. */
    public Account loginFailed(LockoutPolicy policy, Instant now) {
        var failures = failedAttempts + 1;
        if (failures >= policy.maxFailures()) {
            return new Account(id, username, profile, enabled, locked, 0, now.plus(policy.duration()));
        }
        return new Account(id, username, profile, enabled, locked, failures, lockedUntil);
    }

    public Account loginSucceeded() {
        return new Account(id, username, profile, enabled, locked, 0, null);
    }

    public Account withProfile(Profile changed) {
        return new Account(id, username, changed, enabled, locked, failedAttempts, lockedUntil);
    }

    public Account lock() {
        return new Account(id, username, profile, enabled, true, failedAttempts, lockedUntil);
    }

    /** Lifts the administrator's lock and any lockout. */
    public Account unlock() {
        return new Account(id, username, profile, enabled, false, 0, null);
    }

    public Account disable() {
        return new Account(id, username, profile, false, locked, failedAttempts, lockedUntil);
    }

    public Account enable() {
        return new Account(id, username, profile, true, locked, failedAttempts, lockedUntil);
    }
}
