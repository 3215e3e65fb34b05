package org.whistle.gateway.edge;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.whistle.texts.Phrase;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses addresses with encoded slashes, dot segments, {@code %00} or {@code ;} before any
 * route; its own handler answers 400 with no body. This one answers the problem detail every other refusal is.
 */
@Component
class RejectedRequests implements ServerExchangeRejectedHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return Problems.writeWithoutInstance(
                exchange,
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                Phrase.of("problem.gateway.malformed.title"),
                Phrase.of("problem.gateway.malformed.detail"));
    }
}
