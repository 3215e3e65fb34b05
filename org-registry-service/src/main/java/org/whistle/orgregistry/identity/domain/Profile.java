package org.whistle.orgregistry.identity.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.security.Role;

/**
 * Who a person is and what they act for: the part of an account an administrator edits. Scope lists the nodes whose
 * subtrees the account acts for; unit the handling unit, where the person has one.
 */
public record Profile(
        String displayName,
        @Nullable Phone phone,
        List<Role> roles,
        List<String> scope,
        @Nullable String unit,
        List<Post> posts) {

    public Profile {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account has at least one role");
        }
        roles = List.copyOf(roles);
        scope = List.copyOf(scope);
        posts = List.copyOf(posts);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Profile withPosts(List<Post> posts) {
        return new Profile(displayName, phone, roles, scope, unit, posts);
    }
}
