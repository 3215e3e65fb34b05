package org.whistle.security.personaldata;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.AccessDecision.Accessor;

/**
 * Records Spring Security's own refusals (the filter chain's and {@code @PreAuthorize}'s) on routes that answer with
 * personal data: the controller never runs for them, so nobody else would.
 */
final class SecurityDenials {

    private final AccessDecisions decisions;
    private final List<PersonalDataRoutes> routes;

    SecurityDenials(AccessDecisions decisions, List<PersonalDataRoutes> routes) {
        this.decisions = decisions;
        this.routes = List.copyOf(routes);
    }

    @EventListener
    void on(AuthorizationDeniedEvent<?> event) {
        var request = request(event);
        if (request == null || request.getDispatcherType() != DispatcherType.REQUEST) {
            return;
        }
        for (var table : routes) {
            var match = table.match(request);
            if (match.isPresent()) {
                var authentication = event.getAuthentication().get();
                var who = accessor(authentication);
                decisions
                        .about(
                                match.get().resource(),
                                match.get().id(),
                                match.get().action())
                        .by(who)
                        .denied(who == Accessor.ANONYMOUS ? "token-required" : rule(event.getAuthorizationResult()));
                return;
            }
        }
    }

    private static @Nullable HttpServletRequest request(AuthorizationDeniedEvent<?> event) {
        if (event.getObject() instanceof HttpServletRequest request) {
            return request;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest();
        }
        return null;
    }

    static Accessor accessor(@Nullable Authentication authentication) {
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return Accessor.ANONYMOUS;
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return Accessor.of(Caller.of((Jwt) token.getPrincipal()));
        }
        return new Accessor(
                authentication.getName(),
                authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(name -> name.startsWith("ROLE_"))
                        .map(name -> name.substring("ROLE_".length()))
                        .sorted()
                        .toList(),
                null);
    }

    /** The check that failed, as Spring Security states it: an expression or the authorities it wanted. */
    static String rule(@Nullable AuthorizationResult result) {
        if (result instanceof ExpressionAuthorizationDecision expression) {
            return "role-required: " + expression.getExpression().getExpressionString();
        }
        if (result instanceof AuthorityAuthorizationDecision authorities) {
            return "role-required: "
                    + authorities.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .sorted()
                            .toList();
        }
        return "spring-security";
    }
}
