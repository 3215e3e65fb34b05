package org.whistle.gateway.edge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.whistle.gateway.EdgeProperties;
import reactor.core.publisher.Mono;

/**
 * The coarse edge limit on the anonymous routes — POST /api/whistles/** and all of /open311/v2/** — per client
 * address, in fixed windows held in memory. Intake limits per phone and device behind it; this only keeps one
 * address from flooding the platform. Each gateway instance counts on its own (see ADR 0011).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AnonymousRateLimitFilter implements WebFilter {

    /** Beyond this many tracked addresses, expired windows are swept before a new one is added. */
    private static final int SWEEP_ABOVE = 50_000;

    private final ClientAddress clientAddress;
    private final int limit;
    private final Duration period;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    AnonymousRateLimitFilter(ClientAddress clientAddress, EdgeProperties properties) {
        this.clientAddress = clientAddress;
        this.limit = properties.rateLimits().anonymousLimitForPeriod();
        this.period = properties.rateLimits().anonymousPeriod();
        this.clock = Clock.systemUTC();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isAnonymous(exchange)) {
            return chain.filter(exchange);
        }
        var now = clock.instant();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(window -> !window.end().isAfter(now));
        }
        var window = windows.compute(
                clientAddress.of(exchange.getRequest()),
                (address, current) -> current == null || !current.end().isAfter(now)
                        ? new Window(now.plus(period), 1)
                        : new Window(current.end(), current.count() + 1));
        if (window.count() <= limit) {
            return chain.filter(exchange);
        }
        return Problems.write(
                exchange,
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-requests",
                "Too many requests",
                "Too many reports from this address in a short time. Please try again later.",
                Duration.between(now, window.end()));
    }

    private static boolean isAnonymous(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        var path = request.getPath().pathWithinApplication().value();
        return path.startsWith("/open311/v2/")
                || (HttpMethod.POST.equals(request.getMethod())
                        && (path.equals("/api/whistles") || path.startsWith("/api/whistles/")));
    }

    private record Window(Instant end, int count) {}
}
