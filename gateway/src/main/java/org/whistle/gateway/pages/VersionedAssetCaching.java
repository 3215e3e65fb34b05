package org.whistle.gateway.pages;

import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * WebJars with their version in the path ({@code /webjars/leaflet/1.9.4/…}) never change at that address: browsers
 * keep them a year without asking again, which spares a phone on a slow network a round trip per script on every
 * page. Pages and the console's own assets are not versioned and keep being revalidated.
 */
@Component
class VersionedAssetCaching implements WebFilter {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Pattern VERSIONED = Pattern.compile("^/webjars/[A-Za-z0-9._-]+/\\d[A-Za-z0-9._-]*/.+");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (VERSIONED.matcher(exchange.getRequest().getPath().value()).matches()) {
            var response = exchange.getResponse();
            response.beforeCommit(() -> {
                if (response.getStatusCode() == HttpStatus.OK || response.getStatusCode() == HttpStatus.NOT_MODIFIED) {
                    response.getHeaders().setCacheControl(IMMUTABLE);
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }
}
