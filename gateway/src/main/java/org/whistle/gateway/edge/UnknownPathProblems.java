package org.whistle.gateway.edge;

import java.time.Duration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.whistle.texts.Phrase;
import reactor.core.publisher.Mono;

/**
 * A path no route, page or endpoint of the gateway answers — {@code /actuator/**} on the public port among them —
 * is a 404 problem detail like every other refusal, not Boot's error document (which names the request id and
 * timestamp but not what to do). Other errors go on to Boot's handler. Ahead of it ({@code -1}).
 */
@Component
@Order(-2)
class UnknownPathProblems implements WebExceptionHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (!(failure instanceof ResponseStatusException status)
                || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        if (status.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
            return Problems.write(
                    exchange,
                    HttpStatus.NOT_FOUND,
                    "not-found",
                    Phrase.of("problem.gateway.notFound.title"),
                    Phrase.of("problem.gateway.notFound.detail"),
                    Duration.ZERO);
        }
        if (status.getStatusCode().value() == HttpStatus.METHOD_NOT_ALLOWED.value()) {
            return Problems.write(
                    exchange,
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "method-not-allowed",
                    Phrase.of("problem.gateway.methodNotAllowed.title"),
                    Phrase.of("problem.gateway.methodNotAllowed.detail"),
                    Duration.ZERO);
        }
        return Mono.error(failure);
    }
}
