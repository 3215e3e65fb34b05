package org.whistle.orgregistry.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.orgregistry.audit.AuditLog;
import org.whistle.orgregistry.identity.domain.Account;
import org.whistle.orgregistry.identity.domain.AccountId;
import org.whistle.orgregistry.identity.domain.Profile;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.problems.Violation;
import org.whistle.security.Role;
import org.whistle.texts.Phrase;

/**
 * What administrators do with accounts: open them, change who they are and what they act for, reset passwords,
 * lock, unlock, disable. Every change is audited in its own transaction; no audit entry holds a password or hash.
 */
@Service
public class ManagingAccounts {

    static final String SUBJECT = "account";

    private final Accounts accounts;
    private final OrgReferences references;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    ManagingAccounts(
            Accounts accounts, OrgReferences references, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.references = references;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Account open(AccountInput input) {
        var problems = new ArrayList<Violation>();
        AccountChecks.username(input.username(), problems::add);
        AccountChecks.password(input.password(), "password", problems::add);
        var profile = AccountChecks.profile(input, known(input), problems::add);
        if (!problems.isEmpty() || profile == null) {
            throw new InvalidInputException(problems);
        }
        var username = input.username().trim();
        if (accounts.find(username).isPresent()) {
            throw new ConflictException(Phrase.of("orgregistry.refusal.usernameTaken"));
        }
        return create(username, input.password(), profile);
    }

    public Account find(String username) {
        return accounts.find(username).orElseThrow(() -> new NotFoundException(SUBJECT, username));
    }

    public List<Account> list(@Nullable String role, @Nullable String node) {
        Role parsedRole = null;
        if (role != null) {
            try {
                parsedRole = Role.valueOf(role);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("role", Phrase.of("orgregistry.refusal.unknownRole"));
            }
        }
        if (node != null && references.known(List.of(node), List.of()).nodes().isEmpty()) {
            throw InvalidInputException.of("node", Phrase.of("orgregistry.refusal.unknownNode"));
        }
        return accounts.list(parsedRole, node);
    }

    /** Replaces the profile (display name, phone, roles, scope, unit, posts); username and password stay. */
    @Transactional
    public Account update(String username, AccountInput input) {
        var problems = new ArrayList<Violation>();
        var profile = AccountChecks.profile(input, known(input), problems::add);
        if (profile == null) {
            throw new InvalidInputException(problems);
        }
        return change(username, "account.updated", account -> account.withProfile(profile));
    }

    @Transactional
    public void resetPassword(String username, @Nullable String password) {
        var problems = new ArrayList<Violation>();
        AccountChecks.password(password, "password", problems::add);
        if (!problems.isEmpty() || password == null) {
            throw new InvalidInputException(problems);
        }
        var account = find(username);
        accounts.updatePassword(account.id(), passwords.encode(password), clock.instant());
        audit.record("account.password-reset", SUBJECT, username, null, null);
    }

    @Transactional
    public Account lock(String username) {
        return change(username, "account.locked", Account::lock);
    }

    @Transactional
    public Account unlock(String username) {
        return change(username, "account.unlocked", Account::unlock);
    }

    @Transactional
    public Account disable(String username) {
        return change(username, "account.disabled", Account::disable);
    }

    @Transactional
    public Account enable(String username) {
        return change(username, "account.enabled", Account::enable);
    }

    /** Opens an account from checked values; callers hold a transaction. */
    Account create(String username, String password, Profile profile) {
        var account = Account.open(AccountId.random(), username, profile);
        accounts.insert(account, passwords.encode(password), clock.instant());
        audit.record("account.created", SUBJECT, username, null, account);
        return account;
    }

    /**
     * Makes an existing account match an import: the profile, and the password only when it differs from the stored
     * one, so a repeated import changes nothing. Callers hold a transaction.
     */
    Account reconcile(Account existing, Account changed, @Nullable String password) {
        if (!changed.equals(existing)) {
            accounts.update(changed, clock.instant());
            audit.record("account.updated", SUBJECT, existing.username(), existing, changed);
        }
        if (password != null
                && !accounts.passwordHash(existing.username())
                        .map(hash -> passwords.matches(password, hash))
                        .orElse(false)) {
            accounts.updatePassword(existing.id(), passwords.encode(password), clock.instant());
            audit.record("account.password-reset", SUBJECT, existing.username(), null, null);
        }
        return changed;
    }

    private Account change(String username, String action, UnaryOperator<Account> change) {
        var before = find(username);
        var after = change.apply(before);
        accounts.update(after, clock.instant());
        audit.record(action, SUBJECT, username, before, after);
        return after;
    }

    private OrgReferences.Known known(AccountInput input) {
        return references.known(input.nodeCodes(), input.unitCodes());
    }
}
