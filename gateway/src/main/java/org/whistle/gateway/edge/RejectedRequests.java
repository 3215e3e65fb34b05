package org.whistle.gateway.edge;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.whistle.texts.Phrase;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses addresses with encoded slashes, dot segments, {@code %00} or {@code ;}, and
 * methods HTTP does not define, before any route; its own handler answers 400 with no body. This one answers the
 * problem detail every other refusal is — after reading and throwing away the refused request's body (as for a body too
 * large, {@link RequestSizeFilter#drained}), and closing the connection then. Left unread, the body kept the connection
 * open and the client's next request on it unanswered until the client gave up (issue 17: 20 s, once in 10,000).
 */
@Component
class RejectedRequests implements ServerExchangeRejectedHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        var request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        // A body without a declared length is read up to the drain's bound too.
        long toDrain = declared < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)
                ? RequestSizeFilter.DRAIN_AT_MOST
                : declared;
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return RequestSizeFilter.drained(request.getBody(), toDrain)
                .then(Mono.defer(() -> Problems.writeWithoutInstance(
                        exchange,
                        HttpStatus.BAD_REQUEST,
                        "malformed-request",
                        Phrase.of("problem.gateway.malformed.title"),
                        Phrase.of("problem.gateway.malformed.detail"))));
    }
}
