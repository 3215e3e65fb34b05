package org.whistle.orgregistry.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An account as someone typed it (API request, import entry), not yet checked: roles and posts are names, codes are
 * unverified. {@link AccountChecks} turns it into a profile or names each problem by field.
 */
public record AccountInput(
        @Nullable String username,
        @Nullable String password,
        @Nullable String displayName,
        @Nullable String phone,
        @Nullable List<String> roles,
        @Nullable List<String> scope,
        @Nullable String unit,
        @Nullable List<PostInput> posts) {

    /** One post as typed: a post kind's name and a node code. */
    public record PostInput(@Nullable String post, @Nullable String node) {}

    List<String> nodeCodes() {
        var codes = new java.util.ArrayList<String>(scope == null ? List.of() : scope);
        if (posts != null) {
            posts.stream()
                    .map(PostInput::node)
                    .filter(java.util.Objects::nonNull)
                    .forEach(codes::add);
        }
        return codes;
    }

    List<String> unitCodes() {
        return unit == null || unit.isBlank() ? List.of() : List.of(unit.trim());
    }
}
