package org.whistle.orgregistry.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.whistle.orgregistry.bounds.Enums;
import org.whistle.orgregistry.identity.domain.AccountRules;
import org.whistle.orgregistry.identity.domain.ClientBinding;
import org.whistle.orgregistry.identity.domain.Phone;
import org.whistle.orgregistry.identity.domain.Post;
import org.whistle.orgregistry.identity.domain.PostKind;
import org.whistle.orgregistry.identity.domain.Profile;
import org.whistle.problems.Violation;
import org.whistle.security.Role;
import org.whistle.texts.Phrase;

/**
 * Turns typed-in accounts and clients into checked values, naming every problem by its field: the rules of
 * {@link AccountRules}, plus that roles and posts exist and that codes name existing nodes and units.
 */
final class AccountChecks {

    private AccountChecks() {}

    static Optional<String> required(@Nullable String value, String field, Consumer<Violation> problems) {
        if (value == null || value.isBlank()) {
            problems.accept(new Violation(field, Phrase.of("refusal.required")));
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }

    static void username(@Nullable String username, Consumer<Violation> problems) {
        required(username, "username", problems)
                .flatMap(AccountRules::username)
                .ifPresent(message -> problems.accept(new Violation("username", message)));
    }

    static void password(@Nullable String password, String field, Consumer<Violation> problems) {
        if (password == null || password.isEmpty()) {
            problems.accept(new Violation(field, Phrase.of("refusal.required")));
            return;
        }
        AccountRules.password(password).ifPresent(message -> problems.accept(new Violation(field, message)));
    }

    /** The profile, or null when anything is wrong (and then {@code problems} heard why). */
    static @Nullable Profile profile(AccountInput input, OrgReferences.Known known, Consumer<Violation> problems) {
        var count = new int[1];
        Consumer<Violation> counting = violation -> {
            count[0]++;
            problems.accept(violation);
        };
        var displayName = required(input.displayName(), "displayName", counting);
        displayName
                .flatMap(AccountRules::displayName)
                .ifPresent(message -> counting.accept(new Violation("displayName", message)));
        Phone phone = null;
        if (input.phone() != null && !input.phone().isBlank()) {
            var digits = input.phone().trim();
            var problem = AccountRules.phone(digits);
            if (problem.isPresent()) {
                counting.accept(new Violation("phone", problem.get()));
            } else {
                phone = new Phone(digits);
            }
        }
        var roles = roles(input.roles(), "roles", counting);
        if (roles.isEmpty() && (input.roles() == null || input.roles().isEmpty())) {
            counting.accept(new Violation("roles", Phrase.of("orgregistry.refusal.atLeastOneRole")));
        }
        var scope = nodes(input.scope(), "scope", known, counting);
        String unit = null;
        if (input.unit() != null && !input.unit().isBlank()) {
            unit = input.unit().trim();
            if (!known.units().contains(unit)) {
                counting.accept(new Violation("unit", Phrase.of("orgregistry.refusal.unknownUnit")));
            }
        }
        var posts = new ArrayList<Post>();
        var postInputs = input.posts() == null ? List.<AccountInput.PostInput>of() : input.posts();
        for (int i = 0; i < postInputs.size(); i++) {
            var field = "posts[" + i + "]";
            var post = postInputs.get(i);
            var kind = required(post.post(), field + ".post", counting).flatMap(name -> {
                var parsed = parse(PostKind.class, name);
                if (parsed.isEmpty()) {
                    counting.accept(new Violation(field + ".post", oneOf(PostKind.class)));
                }
                return parsed;
            });
            var node = required(post.node(), field + ".node", counting).filter(code -> {
                var exists = known.nodes().contains(code);
                if (!exists) {
                    counting.accept(new Violation(field + ".node", Phrase.of("orgregistry.refusal.unknownNode")));
                }
                return exists;
            });
            if (kind.isPresent() && node.isPresent()) {
                posts.add(new Post(kind.get(), node.get()));
            }
        }
        if (count[0] > 0) {
            return null;
        }
        return new Profile(
                displayName.orElseThrow(), phone, roles, scope, unit, List.copyOf(new LinkedHashSet<>(posts)));
    }

    /** A client binding, or null when anything is wrong. */
    static @Nullable ClientBinding client(
            @Nullable String clientId,
            @Nullable String unit,
            @Nullable String role,
            @Nullable List<String> scope,
            OrgReferences.Known known,
            Consumer<Violation> problems) {
        var count = new int[1];
        Consumer<Violation> counting = violation -> {
            count[0]++;
            problems.accept(violation);
        };
        var id = required(clientId, "clientId", counting);
        id.flatMap(AccountRules::clientId).ifPresent(message -> counting.accept(new Violation("clientId", message)));
        var unitCode = required(unit, "unit", counting).filter(code -> {
            var exists = known.units().contains(code);
            if (!exists) {
                counting.accept(new Violation("unit", Phrase.of("orgregistry.refusal.unknownUnit")));
            }
            return exists;
        });
        var parsedRole = required(role, "role", counting).flatMap(name -> {
            var parsed = parse(Role.class, name);
            if (parsed.isEmpty()) {
                counting.accept(new Violation("role", oneOf(Role.class)));
            }
            return parsed;
        });
        if (scope == null || scope.isEmpty()) {
            counting.accept(new Violation("scope", Phrase.of("orgregistry.refusal.atLeastOneNode")));
        }
        var nodes = nodes(scope, "scope", known, counting);
        if (count[0] > 0) {
            return null;
        }
        return new ClientBinding(id.orElseThrow(), unitCode.orElseThrow(), parsedRole.orElseThrow(), nodes, true);
    }

    private static List<Role> roles(@Nullable List<String> names, String field, Consumer<Violation> problems) {
        var roles = new LinkedHashSet<Role>();
        for (var name : names == null ? List.<String>of() : names) {
            var role = name == null ? Optional.<Role>empty() : parse(Role.class, name.trim());
            if (role.isEmpty()) {
                problems.accept(new Violation(field, oneOf(Role.class)));
            } else if (role.get() == Role.SERVICE) {
                problems.accept(new Violation(field, Phrase.of("orgregistry.refusal.serviceRole")));
            } else {
                roles.add(role.get());
            }
        }
        return List.copyOf(roles);
    }

    private static List<String> nodes(
            @Nullable List<String> codes, String field, OrgReferences.Known known, Consumer<Violation> problems) {
        var nodes = new LinkedHashSet<String>();
        for (var code : codes == null ? List.<String>of() : codes) {
            if (code == null || !known.nodes().contains(code.trim())) {
                problems.accept(new Violation(field, Phrase.of("orgregistry.refusal.unknownNode")));
            } else {
                nodes.add(code.trim());
            }
        }
        return List.copyOf(nodes);
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(name))
                .findFirst();
    }

    /** "Must be one of" the type's values, by the names people use (ADR 0043); the value sent is not echoed. */
    private static <E extends Enum<E>> Phrase oneOf(Class<E> type) {
        return Phrase.of("refusal.oneOf", "choices", Enums.names(type));
    }
}
