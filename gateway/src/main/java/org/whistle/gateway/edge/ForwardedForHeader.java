package org.whistle.gateway.edge;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who is asking: {@code X-Forwarded-For} downstream is exactly one address, the client's as
 * {@link ClientAddress} resolves it — the caller's own header when it came through a trusted proxy, the socket's
 * peer otherwise. A service trusts only the gateway, so it can key its per-address limits by this header as it is;
 * a list with the ingress's and the gateway's hops would leave it to guess which entry is the client. Runs after
 * Spring Cloud Gateway's own forwarding headers, and replaces their {@code X-Forwarded-For}.
 */
@Component
class ForwardedForHeader implements HttpHeadersFilter, Ordered {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final ClientAddress clientAddress;

    ForwardedForHeader(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        var headers = new HttpHeaders();
        headers.addAll(input);
        headers.set(X_FORWARDED_FOR, clientAddress.of(exchange.getRequest()));
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
