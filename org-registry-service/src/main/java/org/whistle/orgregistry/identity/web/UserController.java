package org.whistle.orgregistry.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.orgregistry.access.Callers;
import org.whistle.orgregistry.identity.AccountInput;
import org.whistle.orgregistry.identity.ManagingAccounts;
import org.whistle.orgregistry.identity.domain.Account;
import org.whistle.security.personaldata.AccessDecisions;
import org.whistle.security.personaldata.ContactDisclosurePolicy;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Relation;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Whose;

/**
 * Accounts: administrators manage them; everyone reads their own profile at {@code /me}. Every answer is recorded in
 * the access-decision log; refusals by role are recorded through {@code OrgRegistryPersonalData}.
 */
@RestController
@RequestMapping("/api/org/users")
// Accounts are administrators' business; only /me serves everyone signed in.
@PreAuthorize("hasRole('ADMINISTRATOR')")
@Tag(name = "users", description = "Accounts, roles, org scope and posts")
class UserController {

    static final String ACCOUNT = "account";

    private final ManagingAccounts accounts;
    private final AccessDecisions decisions;

    UserController(ManagingAccounts accounts, AccessDecisions decisions) {
        this.accounts = accounts;
        this.decisions = decisions;
    }

    /** A new account; the password must have at least 12 characters. */
    record CreateUserRequest(
            @Nullable String username,
            @Nullable String password,
            @Nullable String displayName,
            @Nullable String phone,
            @Nullable List<String> roles,
            @Nullable List<String> scope,
            @Nullable String unit,
            @Nullable List<AccountInput.PostInput> posts) {

        AccountInput toInput() {
            return new AccountInput(username, password, displayName, phone, roles, scope, unit, posts);
        }
    }

    /** The whole profile, replacing the stored one. */
    record UpdateUserRequest(
            @Nullable String displayName,
            @Nullable String phone,
            @Nullable List<String> roles,
            @Nullable List<String> scope,
            @Nullable String unit,
            @Nullable List<AccountInput.PostInput> posts) {

        AccountInput toInput() {
            return new AccountInput(null, null, displayName, phone, roles, scope, unit, posts);
        }
    }

    record PasswordRequest(@Nullable String password) {}

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The caller's own account and posts")
    UserView me(Authentication caller) {
        return shown(accounts.find(caller.getName()), caller, "read");
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open an account")
    UserView create(@RequestBody CreateUserRequest request, Authentication caller) {
        return shown(accounts.open(request.toInput()), caller, "create");
    }

    @GetMapping
    @Operation(summary = "Accounts, optionally those holding a role and acting inside a node's subtree")
    List<UserView> list(
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable String node,
            Authentication caller) {
        var who = Callers.of(caller);
        var how = ContactDisclosurePolicy.decide(Whose.ACCOUNT_HOLDER, Relation.OTHER, who.roles());
        var found = accounts.list(role, node);
        decisions
                .about(ACCOUNT, null, "list")
                .by(who)
                .disclosed("account.name", how)
                .disclosed("account.phone", how)
                .items(found.size())
                .allowed("administrator");
        return found.stream().map(account -> UserView.of(account, how)).toList();
    }

    @GetMapping("/{username}")
    @Operation(summary = "One account")
    UserView read(@PathVariable String username, Authentication caller) {
        return shown(accounts.find(username), caller, "read");
    }

    @PutMapping("/{username}")
    @Operation(summary = "Replace an account's display name, phone, roles, scope, unit and posts")
    UserView update(@PathVariable String username, @RequestBody UpdateUserRequest request, Authentication caller) {
        return shown(accounts.update(username, request.toInput()), caller, "update");
    }

    @PostMapping("/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password")
    void resetPassword(@PathVariable String username, @RequestBody PasswordRequest request) {
        accounts.resetPassword(username, request.password());
    }

    @PostMapping("/{username}/lock")
    @Operation(summary = "Lock the account until an administrator unlocks it")
    UserView lock(@PathVariable String username, Authentication caller) {
        return shown(accounts.lock(username), caller, "lock");
    }

    @PostMapping("/{username}/unlock")
    @Operation(summary = "Lift an administrator's lock")
    UserView unlock(@PathVariable String username, Authentication caller) {
        return shown(accounts.unlock(username), caller, "unlock");
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "Take the account out of use; it can no longer log in or refresh tokens")
    UserView disable(@PathVariable String username, Authentication caller) {
        return shown(accounts.disable(username), caller, "disable");
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "Put a disabled account back into use")
    UserView enable(@PathVariable String username, Authentication caller) {
        return shown(accounts.enable(username), caller, "enable");
    }

    /** One account as the caller may see it, recorded: the holder and administrators see name and phone in full. */
    private UserView shown(Account account, Authentication caller, String action) {
        var who = Callers.of(caller);
        var self = account.username().equals(who.subject());
        var how = ContactDisclosurePolicy.decide(
                Whose.ACCOUNT_HOLDER, self ? Relation.SELF : Relation.OTHER, who.roles());
        decisions
                .about(ACCOUNT, account.username(), action)
                .by(who)
                .disclosed("account.name", how)
                .disclosed("account.phone", how)
                .allowed(self ? "self" : "administrator");
        return UserView.of(account, how);
    }
}
