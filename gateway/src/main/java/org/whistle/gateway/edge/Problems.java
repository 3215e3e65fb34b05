package org.whistle.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.whistle.problems.AcceptLanguage;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes an RFC 9457 problem detail as the whole response, for filters that refuse a request before routing. */
public final class Problems {

    private Problems() {}

    /**
     * Ends the exchange with a problem of type {@code urn:whistle:problem:<kind>}, its title and detail worded by the
     * message catalogue in the caller's language (problem-details' {@link AcceptLanguage}, the services' rule).
     */
    public static Mono<Void> write(
            ServerWebExchange exchange,
            HttpStatus status,
            String kind,
            Phrase title,
            Phrase detail,
            Duration retryAfter) {
        var catalogue = catalogue(exchange);
        return write(
                exchange,
                status,
                body(
                        status,
                        kind,
                        title.in(catalogue),
                        detail.in(catalogue),
                        exchange.getRequest().getPath().value()),
                retryAfter);
    }

    /**
     * As {@link #write(ServerWebExchange, HttpStatus, String, Phrase, Phrase, Duration)}, without {@code instance}: for
     * requests refused for their address, which is not echoed back.
     */
    static Mono<Void> writeWithoutInstance(
            ServerWebExchange exchange, HttpStatus status, String kind, Phrase title, Phrase detail) {
        var catalogue = catalogue(exchange);
        return write(
                exchange, status, body(status, kind, title.in(catalogue), detail.in(catalogue), null), Duration.ZERO);
    }

    /** The catalogue in the caller's language: English only when {@code Accept-Language} ranks it above Chinese. */
    static Catalogue catalogue(ServerWebExchange exchange) {
        return AcceptLanguage.prefersEnglish(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE))
                ? Catalogue.english()
                : Catalogue.chinese();
    }

    /** The JSON of a problem of type {@code urn:whistle:problem:<kind>}; {@code instance} only when given. */
    static byte[] body(HttpStatus status, String kind, String title, String detail, @Nullable String instance) {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "urn:whistle:problem:" + kind);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        return JsonMapper.shared().writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, byte[] body, Duration retryAfter) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        if (!retryAfter.isZero()) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** Whole seconds, rounded up, never below one. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
