package org.whistle.orgregistry.identity.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.orgregistry.identity.domain.Account;
import org.whistle.security.Role;

/** An account as the API shows it: never a password or hash, and the phone masked unless an administrator asks. */
record UserView(
        String username,
        String displayName,
        @Nullable String phone,
        List<String> roles,
        List<String> scope,
        @Nullable String unit,
        List<PostView> posts,
        boolean enabled,
        boolean locked,
        @Nullable Instant lockedUntil) {

    record PostView(String post, String node) {}

    static UserView of(Account account, boolean administrator) {
        var profile = account.profile();
        var phone = profile.phone() == null
                ? null
                : administrator ? profile.phone().digits() : profile.phone().masked();
        return new UserView(
                account.username(),
                profile.displayName(),
                phone,
                profile.roles().stream().map(Role::name).toList(),
                profile.scope(),
                profile.unit(),
                profile.posts().stream()
                        .map(post -> new PostView(post.kind().name(), post.node()))
                        .toList(),
                account.enabled(),
                account.locked(),
                account.lockedUntil());
    }
}
