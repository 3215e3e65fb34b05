package org.whistle.orgregistry.identity.domain;

import java.time.Instant;

/**
 * A person's account. Its password hash lives beside it in storage and never in this value, so an account can be
 * logged, audited and shown safely. Failed sign-ins do not change it: they slow down the address and the name they
 * came with ({@link SignInThrottle}), so a stranger cannot lock its holder out.
 */
public record Account(AccountId id, String username, Profile profile, boolean enabled, boolean locked) {

    public static Account open(AccountId id, String username, Profile profile) {
        return new Account(id, username, profile, true, false);
    }

    /** Whether the holder, having given the right password, may sign in. */
    public LoginCheck checkLogin(Instant now) {
        if (!enabled) {
            return new LoginCheck.Rejected(LoginCheck.Reason.DISABLED);
        }
        if (locked) {
            return new LoginCheck.Rejected(LoginCheck.Reason.LOCKED);
        }
        return new LoginCheck.Allowed();
    }

    public Account withProfile(Profile changed) {
        return new Account(id, username, changed, enabled, locked);
    }

    public Account lock() {
        return new Account(id, username, profile, enabled, true);
    }

    /** Lifts the administrator's lock. */
    public Account unlock() {
        return new Account(id, username, profile, enabled, false);
    }

    public Account disable() {
        return new Account(id, username, profile, false, locked);
    }

    public Account enable() {
        return new Account(id, username, profile, true, locked);
    }
}
