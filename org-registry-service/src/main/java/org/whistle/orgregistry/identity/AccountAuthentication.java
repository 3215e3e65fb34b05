package org.whistle.orgregistry.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.orgregistry.identity.domain.Account;
import org.whistle.orgregistry.identity.domain.AccountRules;
import org.whistle.orgregistry.identity.domain.LoginCheck;
import org.whistle.orgregistry.identity.domain.SignInThrottle;
import org.whistle.security.personaldata.AccessDecision.Accessor;
import org.whistle.security.personaldata.AccessDecisions;

/**
 * Checks a username and password against the stored account (ADR 0017). A stranger learns nothing from a refusal:
 * a wrong password and an unknown name get the same answer after the same work — one password hash, against a decoy
 * for unknown names — and a disabled or locked account says so only to someone who gave its right password. Failures
 * slow down their address and the name tried ({@link SignInThrottle}); a refusal for waiting is not checked at all.
 * Every refusal, and every sign-in, is a line in the {@code whistle.access} log (resource {@code sign-in}, the name
 * tried when it could be a username, the caller as {@code address:<ip>}), never with the password. The principal is
 * a plain {@link User}, which the authorization server can store with its authorizations.
 */
class AccountAuthentication implements AuthenticationProvider {

    /** Hashed once so that unknown usernames cost as much time as known ones. */
    private final String decoyHash;

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final SignInThrottle throttle;
    private final AccessDecisions decisions;
    private final Clock clock;

    AccountAuthentication(
            Accounts accounts,
            PasswordEncoder passwords,
            TransactionTemplate transactions,
            SignInThrottle throttle,
            AccessDecisions decisions,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.transactions = transactions;
        this.throttle = throttle;
        this.decisions = decisions;
        this.clock = clock;
        this.decoyHash = passwords.encode("not-a-password-anyone-has");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        var username = authentication.getName();
        var password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        var address = authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
        if (throttle.before(address, username, clock.instant()) instanceof SignInThrottle.Verdict.Wait wait) {
            audit(address, username).denied("throttled-" + wait.who());
            throw new SignInThrottledException(wait.remaining());
        }
        var outcome = transactions.execute(status -> attempt(username, password));
        return switch (outcome) {
            case Outcome.Success success -> {
                throttle.succeeded(username);
                audit(address, username).allowed("password");
                yield authenticated(success.account(), authentication);
            }
            case Outcome.Refused refused -> {
                // The right password: not a guess, so nothing counts against the address or the name.
                audit(address, username).denied(refused.reason().name().toLowerCase(java.util.Locale.ROOT));
                throw rejection(refused.reason());
            }
            case Outcome.WrongPassword wrong -> {
                throttle.failed(address, username, clock.instant());
                audit(address, username).denied("bad-credentials");
                throw new BadCredentialsException("bad credentials");
            }
            case null -> throw new BadCredentialsException("bad credentials");
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The same work whether or not the name exists: one look-up of the hash, one password check. */
    private Outcome attempt(String username, String password) {
        var hash = accounts.passwordHash(username);
        var matches = passwords.matches(password, hash.orElse(decoyHash));
        var found = accounts.find(username);
        if (hash.isEmpty() || found.isEmpty() || !matches) {
            return new Outcome.WrongPassword();
        }
        var account = found.get();
        if (account.checkLogin(clock.instant()) instanceof LoginCheck.Rejected rejected) {
            return new Outcome.Refused(rejected.reason());
        }
        return new Outcome.Success(account);
    }

    private AccessDecisions.Pending audit(String address, String username) {
        // A name that cannot be a username may be a password typed into the wrong field: it stays out of the log.
        var tried = AccountRules.username(username).isEmpty() ? username : "(not a username)";
        return decisions.about("sign-in", tried, "sign-in").by(new Accessor("address:" + address, List.of(), null));
    }

    private static AuthenticationException rejection(LoginCheck.Reason reason) {
        return switch (reason) {
            case DISABLED -> new DisabledException("account disabled");
            case LOCKED -> new LockedException("account locked by an administrator");
        };
    }

    private static Authentication authenticated(Account account, Authentication request) {
        var authorities = account.profile().roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        var principal = User.withUsername(account.username())
                .password("")
                .authorities(authorities)
                .build();
        var granted = new java.util.ArrayList<GrantedAuthority>(authorities);
        // The password factor tells the authorization server when the person authenticated (the ID token's auth_time).
        granted.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, granted);
        result.setDetails(request.getDetails());
        return result;
    }

    /** Too many failures from this address, or on this name from a failing address: try again after a while. */
    static final class SignInThrottledException extends BadCredentialsException {

        private final Duration remaining;

        SignInThrottledException(Duration remaining) {
            super("too many failed sign-ins; wait before trying again");
            this.remaining = remaining;
        }

        /** Whole seconds to wait, at least one. */
        long seconds() {
            return Math.max(1, (remaining.toMillis() + 999) / 1000);
        }
    }

    private sealed interface Outcome {

        record Success(Account account) implements Outcome {}

        /** The right password for an account that may not sign in. */
        record Refused(LoginCheck.Reason reason) implements Outcome {}

        /** A wrong password, or a name no account holds: one answer for both. */
        record WrongPassword() implements Outcome {}
    }
}
