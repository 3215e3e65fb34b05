package org.whistle.orgregistry.access;

import java.util.EnumSet;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.whistle.security.Caller;
import org.whistle.security.Role;

/**
 * The caller as every other service sees it ({@link Caller}), read from the authentication this service's own chains
 * produce: its bearer tokens, or — on the login pages — a signed-in session.
 */
public final class Callers {

    private Callers() {}

    public static Caller of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return Caller.of((Jwt) token.getPrincipal());
        }
        var roles = EnumSet.noneOf(Role.class);
        authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(name -> name.startsWith("ROLE_"))
                .map(name -> name.substring("ROLE_".length()))
                .forEach(name -> {
                    for (var role : Role.values()) {
                        if (role.name().equals(name)) {
                            roles.add(role);
                        }
                    }
                });
        return new Caller(authentication.getName(), roles, List.of(), null, null);
    }
}
