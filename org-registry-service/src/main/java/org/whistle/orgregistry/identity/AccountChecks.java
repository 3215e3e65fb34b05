package org.whistle.orgregistry.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.whistle.orgregistry.identity.domain.AccountRules;
import org.whistle.orgregistry.identity.domain.ClientBinding;
import org.whistle.orgregistry.identity.domain.Phone;
import org.whistle.orgregistry.identity.domain.Post;
import org.whistle.orgregistry.identity.domain.PostKind;
import org.whistle.orgregistry.identity.domain.Profile;
import org.whistle.problems.Violation;
import org.whistle.security.Role;

/**
 * Turns typed-in accounts and clients into checked values, naming every problem by its field: the rules of
 * {@link AccountRules}, plus that roles and posts exist and that codes name existing nodes and units.
 */
final class AccountChecks {

    private AccountChecks() {}

    static Optional<String> required(@Nullable String value, String field, Consumer<Violation> problems) {
        if (value == null || value.isBlank()) {
            problems.accept(new Violation(field, "is required"));
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
            problems.accept(new Violation(field, "is required"));
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
            counting.accept(new Violation("roles", "lists at least one role"));
        }
        var scope = nodes(input.scope(), "scope", known, counting);
        String unit = null;
        if (input.unit() != null && !input.unit().isBlank()) {
            unit = input.unit().trim();
            if (!known.units().contains(unit)) {
                counting.accept(new Violation("unit", "'" + unit + "' is not a known handling unit"));
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
                    counting.accept(
                            new Violation(field + ".post", "'" + name + "' is not one of " + names(PostKind.class)));
                }
                return parsed;
            });
            var node = required(post.node(), field + ".node", counting).filter(code -> {
                var exists = known.nodes().contains(code);
                if (!exists) {
                    counting.accept(new Violation(field + ".node", "'" + code + "' is not a known node"));
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
                counting.accept(new Violation("unit", "'" + code + "' is not a known handling unit"));
            }
            return exists;
        });
        var parsedRole = required(role, "role", counting).flatMap(name -> {
            var parsed = parse(Role.class, name);
            if (parsed.isEmpty()) {
                counting.accept(new Violation("role", "'" + name + "' is not one of " + names(Role.class)));
            }
            return parsed;
        });
        if (scope == null || scope.isEmpty()) {
            counting.accept(new Violation("scope", "lists at least one node"));
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
                problems.accept(new Violation(field, "'" + name + "' is not one of " + names(Role.class)));
            } else if (role.get() == Role.SERVICE) {
                problems.accept(new Violation(field, "SERVICE is for client-credentials clients, not people"));
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
                problems.accept(new Violation(field, "'" + code + "' is not a known node"));
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

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
