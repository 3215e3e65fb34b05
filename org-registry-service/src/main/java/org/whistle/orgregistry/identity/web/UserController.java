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
import org.whistle.orgregistry.identity.AccountInput;
import org.whistle.orgregistry.identity.ManagingAccounts;
import org.whistle.security.Role;

/** Accounts: administrators manage them; everyone reads their own profile at {@code /me}. */
@RestController
@RequestMapping("/api/org/users")
// Accounts are administrators' business; only /me serves everyone signed in.
@PreAuthorize("hasRole('ADMINISTRATOR')")
@Tag(name = "users", description = "Accounts, roles, org scope and posts")
class UserController {

    private final ManagingAccounts accounts;

    UserController(ManagingAccounts accounts) {
        this.accounts = accounts;
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
        return UserView.of(accounts.find(caller.getName()), isAdministrator(caller));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open an account")
    UserView create(@RequestBody CreateUserRequest request) {
        return UserView.of(accounts.open(request.toInput()), true);
    }

    @GetMapping
    @Operation(summary = "Accounts, optionally those holding a role and acting inside a node's subtree")
    List<UserView> list(
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable String node) {
        return accounts.list(role, node).stream()
                .map(account -> UserView.of(account, true))
                .toList();
    }

    @GetMapping("/{username}")
    @Operation(summary = "One account")
    UserView read(@PathVariable String username) {
        return UserView.of(accounts.find(username), true);
    }

    @PutMapping("/{username}")
    @Operation(summary = "Replace an account's display name, phone, roles, scope, unit and posts")
    UserView update(@PathVariable String username, @RequestBody UpdateUserRequest request) {
        return UserView.of(accounts.update(username, request.toInput()), true);
    }

    @PostMapping("/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password")
    void resetPassword(@PathVariable String username, @RequestBody PasswordRequest request) {
        accounts.resetPassword(username, request.password());
    }

    @PostMapping("/{username}/lock")
    @Operation(summary = "Lock the account until an administrator unlocks it")
    UserView lock(@PathVariable String username) {
        return UserView.of(accounts.lock(username), true);
    }

    @PostMapping("/{username}/unlock")
    @Operation(summary = "Lift a lock or a lockout after failed logins")
    UserView unlock(@PathVariable String username) {
        return UserView.of(accounts.unlock(username), true);
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "Take the account out of use; it can no longer log in or refresh tokens")
    UserView disable(@PathVariable String username) {
        return UserView.of(accounts.disable(username), true);
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "Put a disabled account back into use")
    UserView enable(@PathVariable String username) {
        return UserView.of(accounts.enable(username), true);
    }

    static boolean isAdministrator(Authentication caller) {
        return caller.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + Role.ADMINISTRATOR.name()).equals(authority.getAuthority()));
    }
}
