package org.whistle.gateway.edge;

import java.time.Duration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.whistle.gateway.EdgeProperties;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared body is larger than its path allows — the upload paths (a whistle with its
 * photos and video) get a large limit, everything else a small one — before anything reaches a service.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeFilter implements WebFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final DataSize uploads;
    private final List<String> uploadPaths;
    private final DataSize other;

    RequestSizeFilter(EdgeProperties properties) {
        this.uploads = properties.requestSize().uploads();
        this.uploadPaths = List.copyOf(properties.requestSize().uploadPaths());
        this.other = properties.requestSize().other();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var declared = exchange.getRequest().getHeaders().getContentLength();
        var path = exchange.getRequest().getPath().pathWithinApplication().value();
        var limit = uploadPaths.stream().anyMatch(pattern -> PATHS.match(pattern, path)) ? uploads : other;
        if (declared <= limit.toBytes()) {
            return chain.filter(exchange);
        }
        return Problems.write(
                exchange,
                HttpStatus.CONTENT_TOO_LARGE,
                "content-too-large",
                "Request too large",
                "The request body is larger than the " + limit.toMegabytes() + " MB allowed here.",
                Duration.ZERO);
    }
}
