package org.whistle.gateway.edge;

import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request id as the gateway accepts or makes it, and the trace the request is in. A caller's {@code X-Request-Id}
 * is kept only when well-formed, so nothing arbitrary is echoed back or logged; the trace context itself is
 * Micrometer's (ADR 0048), which accepts a caller's {@code traceparent} only when well-formed too.
 */
final class TraceContext {

    static final String REQUEST_ID = "X-Request-Id";

    private static final Pattern REQUEST_ID_FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private TraceContext() {}

    /** The trace id of the request's server observation, or {@code -} where the request is not observed. */
    static String traceId(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> {
                    TracingObservationHandler.TracingContext tracing =
                            context.get(TracingObservationHandler.TracingContext.class);
                    return tracing == null ? null : tracing.getSpan();
                })
                .map(span -> span.context().traceId())
                .filter(id -> !id.isEmpty())
                .orElse("-");
    }

    static boolean isWellFormedRequestId(@Nullable String value) {
        return value != null && REQUEST_ID_FORMAT.matcher(value).matches();
    }

    static String newRequestId() {
        return UUID.randomUUID().toString();
    }
}
