package org.whistle.orgregistry.identity.domain;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which account, if any, a person signed in at the city's identity platform becomes (ADR 0047). Accounts are opened in
 * Whistle only — never by signing in: an upstream identity already linked signs in its account whatever its claims
 * say now; an unlinked one is linked to the pre-registered account its claim names, unless that account is linked to
 * someone else upstream. A disabled or locked account is refused as with a password.
 */
public final class UpstreamSignInPolicy {

    private UpstreamSignInPolicy() {}

    /**
     * @param linked the account already linked to this upstream identity
     * @param named the account whose username the configured claim names (null when the claim is missing)
     * @param namedLink the upstream identity {@code named} is linked to, if any
     */
    public static Decision decide(
            Optional<Account> linked,
            @Nullable Account named,
            Optional<UpstreamIdentity> namedLink,
            UpstreamIdentity identity,
            Instant now) {
        if (linked.isPresent()) {
            return admitted(linked.get(), false, now);
        }
        if (named == null) {
            return new Decision.Refused(Refusal.NOT_REGISTERED);
        }
        if (namedLink.isPresent() && !namedLink.get().equals(identity)) {
            return new Decision.Refused(Refusal.LINKED_TO_ANOTHER);
        }
        return admitted(named, true, now);
    }

    private static Decision admitted(Account account, boolean link, Instant now) {
        if (account.checkLogin(now) instanceof LoginCheck.Rejected rejected) {
            return new Decision.Refused(
                    switch (rejected.reason()) {
                        case DISABLED -> Refusal.DISABLED;
                        case LOCKED -> Refusal.LOCKED;
                    });
        }
        return new Decision.SignIn(account, link);
    }

    public sealed interface Decision {

        /** Sign in as {@code account}; {@code link} when this first sign-in links the upstream identity to it. */
        record SignIn(Account account, boolean link) implements Decision {}

        record Refused(Refusal why) implements Decision {}
    }

    public enum Refusal {
        /** No account is linked to the identity and its claim names none: accounts are never opened by signing in. */
        NOT_REGISTERED,
        /** The claim names an account another upstream identity is linked to. */
        LINKED_TO_ANOTHER,
        DISABLED,
        LOCKED
    }
}
