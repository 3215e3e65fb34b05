package org.whistle.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.whistle.events.Actor;

/**
 * The authenticated caller as Whistle's rules see it: who (the token's subject), as what (roles), for where (the org
 * nodes whose subtrees they act for) and for which handling unit.
 */
public record Caller(
        String subject,
        Set<Role> roles,
        List<String> orgScope,
        @Nullable String unit,
        @Nullable String name) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        orgScope = List.copyOf(orgScope);
    }

    /** Reads the claims org-registry puts into its tokens; roles this version does not know are left out. */
    public static Caller of(Jwt token) {
        var roles = EnumSet.noneOf(Role.class);
        var claimed = token.getClaimAsStringList(TokenClaims.ROLES);
        if (claimed != null) {
            for (var name : claimed) {
                for (var role : Role.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        var scope = token.getClaimAsStringList(TokenClaims.ORG_SCOPE);
        return new Caller(
                token.getSubject(),
                roles,
                scope == null ? List.of() : scope,
                token.getClaimAsString(TokenClaims.UNIT),
                token.getClaimAsString(TokenClaims.NAME));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Collection<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    /**
     * Whether a place lies in the caller's scope: one of the caller's scope nodes is the place or one of its
     * ancestors.
     *
     * @param ancestry the place and its ancestors, as node codes in any order
     */
    public boolean covers(Collection<String> ancestry) {
        return orgScope.stream().anyMatch(ancestry::contains);
    }

    /** The caller as the events record actors: the subject, acting for its unit in its first role. */
    public Actor actor() {
        return new Actor(
                subject, unit, roles.stream().findFirst().map(Enum::name).orElse(null));
    }
}
