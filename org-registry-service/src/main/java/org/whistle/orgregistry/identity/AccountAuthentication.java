package org.whistle.orgregistry.identity;

import java.time.Clock;
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
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.orgregistry.audit.AuditLog;
import org.whistle.orgregistry.identity.domain.Account;
import org.whistle.orgregistry.identity.domain.LockoutPolicy;
import org.whistle.orgregistry.identity.domain.LoginCheck;

/**
 * Checks a username and password against the stored account, counting failures towards the lockout with the
 * injected clock. The outcome is committed even when the login fails, so failures add up. The principal is a plain
 * {@link User}, which the authorization server can store with its authorizations.
 */
class AccountAuthentication implements AuthenticationProvider {

    /** Hashed once so that unknown usernames cost as much time as known ones. */
    private final String decoyHash;

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final LockoutPolicy lockout;
    private final Clock clock;

    AccountAuthentication(
            Accounts accounts,
            PasswordEncoder passwords,
            TransactionTemplate transactions,
            AuditLog audit,
            LockoutPolicy lockout,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.transactions = transactions;
        this.audit = audit;
        this.lockout = lockout;
        this.clock = clock;
        this.decoyHash = passwords.encode("not-a-password-anyone-has");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        var username = authentication.getName();
        var password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        var outcome = transactions.execute(status -> attempt(username, password));
        return switch (outcome) {
            case Outcome.Success success -> authenticated(success.account(), authentication);
            case Outcome.Failure failure -> throw failure.exception();
            case null -> throw new BadCredentialsException("bad credentials");
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private Outcome attempt(String username, String password) {
        var found = accounts.findForUpdate(username);
        if (found.isEmpty()) {
            passwords.matches(password, decoyHash);
            return new Outcome.Failure(new BadCredentialsException("bad credentials"));
        }
        var account = found.get();
        var now = clock.instant();
        if (account.checkLogin(now) instanceof LoginCheck.Rejected rejected) {
            return new Outcome.Failure(rejection(rejected.reason()));
        }
        var hash = accounts.passwordHash(username).orElseThrow();
        if (!passwords.matches(password, hash)) {
            var failed = account.loginFailed(lockout, now);
            accounts.updateLoginState(failed);
            if (failed.isLockedOut(now)) {
                audit.record("account.locked-out", ManagingAccounts.SUBJECT, username, account, failed);
                return new Outcome.Failure(rejection(LoginCheck.Reason.LOCKED_OUT));
            }
            return new Outcome.Failure(new BadCredentialsException("bad credentials"));
        }
        var succeeded = account.loginSucceeded();
        if (!succeeded.equals(account)) {
            accounts.updateLoginState(succeeded);
        }
        return new Outcome.Success(succeeded);
    }

    private static AuthenticationException rejection(LoginCheck.Reason reason) {
        return switch (reason) {
            case DISABLED -> new DisabledException("account disabled");
            case LOCKED -> new LockedException("account locked by an administrator");
            case LOCKED_OUT -> new LockedOutException();
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

    /** Too many failed logins in a row; the login page says so and when to try again. */
    static final class LockedOutException extends LockedException {

        LockedOutException() {
            super("account locked out after repeated failed logins");
        }
    }

    private sealed interface Outcome {

        record Success(Account account) implements Outcome {}

        record Failure(AuthenticationException exception) implements Outcome {}
    }
}
