package org.whistle.orgregistry.identity.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.orgregistry.identity.domain.Account;
import org.whistle.security.Role;
import org.whistle.security.personaldata.Disclosure;

/**
 * An account as the API shows it: never a password or hash; name and phone as much as {@code ContactDisclosurePolicy}
 * lets the caller see them (in full to the holder and administrators).
 */
record UserView(
        String username,
        String displayName,
        @Nullable String phone,
        List<String> roles,
        List<String> scope,
        @Nullable String unit,
        List<PostView> posts,
        boolean enabled,
        boolean locked) {

    record PostView(String post, String node) {}

    static UserView of(Account account, Disclosure contact) {
        var profile = account.profile();
        var phone =
                profile.phone() == null ? null : contact.phone(profile.phone().digits());
        return new UserView(
                account.username(),
                java.util.Objects.requireNonNullElse(contact.name(profile.displayName()), ""),
                phone,
                profile.roles().stream().map(Role::name).toList(),
                profile.scope(),
                profile.unit(),
                profile.posts().stream()
                        .map(post -> new PostView(post.kind().name(), post.node()))
                        .toList(),
                account.enabled(),
                account.locked());
    }
}
