package org.whistle.gateway.signin;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Which requests need the CSRF token: writes that the browser's session cookie would authenticate. A request
 * without the session cookie carries no ambient authority (an anonymous whistle, a department system with its own
 * bearer token), so a forged one gains nothing. Org-registry's sign-in pages guard their own forms, and Open311
 * requests are never given the session's token, so both are left to themselves.
 */
final class CookieAuthenticatedWrites implements ServerWebExchangeMatcher {

    private static final Set<HttpMethod> SAFE =
            Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private static final List<PathPattern> OWN_PROTECTION = List.of(
            PathPatternParser.defaultInstance.parse("/login"),
            PathPatternParser.defaultInstance.parse("/oauth2/**"),
            PathPatternParser.defaultInstance.parse("/connect/**"),
            PathPatternParser.defaultInstance.parse("/open311/**"));

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        var path = request.getPath().pathWithinApplication();
        var needsToken = !SAFE.contains(request.getMethod())
                && SessionCookies.hasSession(request)
                && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                && OWN_PROTECTION.stream().noneMatch(pattern -> pattern.matches(path));
        return needsToken ? MatchResult.match() : MatchResult.notMatch();
    }
}
