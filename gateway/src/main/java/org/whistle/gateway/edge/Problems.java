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
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes an RFC 9457 problem detail as the whole response, for filters that refuse a request before routing. */
public final class Problems {

    private Problems() {}

    /** Ends the exchange with a problem of type {@code urn:whistle:problem:<kind>}. */
    public static Mono<Void> write(
            ServerWebExchange exchange,
            HttpStatus status,
            String kind,
            String title,
            String detail,
            Duration retryAfter) {
        var english = English.of(exchange, kind);
        return write(
                exchange,
                status,
                body(
                        status,
                        kind,
                        english == null ? title : english.title(),
                        english == null ? detail : english.detail(),
                        exchange.getRequest().getPath().value()),
                retryAfter);
    }

    /**
     * As {@link #write(ServerWebExchange, HttpStatus, String, String, String, Duration)}, without {@code instance}: for
     * requests refused for their address, which is not echoed back.
     */
    static Mono<Void> writeWithoutInstance(
            ServerWebExchange exchange, HttpStatus status, String kind, String title, String detail) {
        var english = English.of(exchange, kind);
        return write(
                exchange,
                status,
                body(
                        status,
                        kind,
                        english == null ? title : english.title(),
                        english == null ? detail : english.detail(),
                        null),
                Duration.ZERO);
    }

    /**
     * The words of each kind for a caller whose {@code Accept-Language} prefers English (problem-details'
     * {@link AcceptLanguage}, the services' rule); Chinese, as written at each call, otherwise.
     */
    private record English(String title, String detail) {

        private static final java.util.Map<String, English> KINDS = java.util.Map.of(
                "too-many-requests",
                        new English("Too many requests", "Too many requests in a short time; try again later."),
                "malformed-request",
                        new English(
                                "Malformed request",
                                "The address holds characters or segments the platform does not accept."),
                "content-too-large", new English("Content too large", "The request is larger than allowed here."),
                "not-found", new English("Not found", "There is nothing at this address."),
                "method-not-allowed", new English("Method not allowed", "This address does not accept that method."),
                "not-signed-in", new English("Not signed in", "Sign in first (/bff/login)."),
                "csrf",
                        new English(
                                "Missing or wrong CSRF token",
                                "The page has expired; reload it (X-XSRF-TOKEN must match the XSRF-TOKEN cookie)."));

        static @Nullable English of(ServerWebExchange exchange, String kind) {
            return AcceptLanguage.prefersEnglish(
                            exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE))
                    ? KINDS.get(kind)
                    : null;
        }
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
