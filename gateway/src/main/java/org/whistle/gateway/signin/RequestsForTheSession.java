package org.whistle.gateway.signin;

import java.util.List;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Which requests the sign-in chain runs for (issue 22): everything of the gateway's own (signing in and out, the
 * pages, {@code /bff/**}), and on the routes that only relay to a service, a request that carries the session cookie —
 * whose person's token the gateway relays, and whose writes need the CSRF token. A relayed request without the
 * cookie (a department system's bearer token, an anonymous whistle, an Open311 client) is the service's to check: the
 * chain would find no session, let it through and change nothing, so it is not run at all. Spring Security's firewall
 * ({@code RejectedRequests}) still sees every request; it runs before any chain is chosen.
 */
final class RequestsForTheSession implements ServerWebExchangeMatcher {

    private static final List<PathPattern> RELAYED = List.of(
            PathPatternParser.defaultInstance.parse("/api/**"), PathPatternParser.defaultInstance.parse("/open311/**"));

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        var path = request.getPath().pathWithinApplication();
        boolean relayedOnly =
                !SessionCookies.hasSession(request) && RELAYED.stream().anyMatch(pattern -> pattern.matches(path));
        return relayedOnly ? MatchResult.notMatch() : MatchResult.match();
    }
}
