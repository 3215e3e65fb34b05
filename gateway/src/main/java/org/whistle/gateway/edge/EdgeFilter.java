package org.whistle.gateway.edge;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.whistle.gateway.EdgeProperties;
import org.whistle.gateway.pages.PagePolicy;
import reactor.core.publisher.Mono;

/**
 * First and last on every request: makes sure it carries a request id downstream, puts the request id and the
 * security headers on the response, and writes one access log line. The trace is Micrometer's (ADR 0048): the server
 * observation continues a caller's well-formed W3C {@code traceparent} or starts a trace, and the gateway's client
 * observation sends it on to the service. The log line holds the
 * method, the path without its query string, the status, the duration, the two ids and the connection (its id, then
 * the request's number, as in the lines {@link DecodingFailureProblems} writes for requests it refuses unread: the
 * requests one keep-alive connection carried can be told apart and put in order) — never query strings, bodies,
 * credentials or phone numbers. The text messages' link {@code /track/{code}} carries the reporter's tracking code in
 * its path (ADR 0018: a secret only the reporter holds): that path is logged as {@code /track/{code}}, never with the
 * code itself ({@link #logged(String)}; ADR 0040). Each of these is also a field of the line (SLF4J key-value pairs),
 * so structured logs in containers carry them as JSON fields rather than inside the message.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EdgeFilter implements WebFilter {

    private final PagePolicy pagePolicy;

    EdgeFilter(EdgeProperties edge) {
        this.pagePolicy = new PagePolicy(edge.console().mapTileUrl());
    }

    private static final Logger ACCESS = LoggerFactory.getLogger("org.whistle.gateway.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var started = System.nanoTime();
        var request = exchange.getRequest();
        var callerRequestId = request.getHeaders().getFirst(TraceContext.REQUEST_ID);
        var requestId =
                TraceContext.isWellFormedRequestId(callerRequestId) ? callerRequestId : TraceContext.newRequestId();
        var https = "https".equalsIgnoreCase(request.getURI().getScheme());

        var traced = exchange.mutate()
                .request(r -> r.headers(headers -> headers.set(TraceContext.REQUEST_ID, requestId)))
                .build();
        var response = traced.getResponse();
        response.beforeCommit(() -> {
            secureHeaders(response.getHeaders(), response.getStatusCode(), https, pagePolicy);
            response.getHeaders().set(TraceContext.REQUEST_ID, requestId);
            return Mono.empty();
        });
        return chain.filter(traced).doFinally(signal -> {
            if (ACCESS.isInfoEnabled()) {
                var status = response.getStatusCode();
                var method = request.getMethod().name();
                var path = logged(request.getPath().value());
                var code = status == null ? "-" : Integer.toString(status.value());
                var durationMs = (System.nanoTime() - started) / 1_000_000;
                var traceId = TraceContext.traceId(traced);
                ACCESS.atInfo()
                        .addKeyValue("method", method)
                        .addKeyValue("path", path)
                        .addKeyValue("status", code)
                        .addKeyValue("duration_ms", durationMs)
                        .addKeyValue("request_id", requestId)
                        .addKeyValue("trace_id", traceId)
                        .addKeyValue("connection", request.getId())
                        .log(
                                "method={} path={} status={} duration_ms={} request_id={} trace_id={} connection={}",
                                method,
                                path,
                                code,
                                durationMs,
                                requestId,
                                traceId,
                                request.getId());
            }
        });
    }

    /**
     * The path the access log may hold: the secrets some paths carry replaced by their names — the tracking link's
     * code, and the token that authenticates the SMS providers' receipts.
     */
    static String logged(String path) {
        if (path.startsWith(TRACKING_LINK)) {
            return TRACKING_LINK + "{code}";
        }
        if (path.startsWith(SMS_RECEIPTS)) {
            int provider = path.indexOf('/', SMS_RECEIPTS.length());
            return provider < 0 ? path : path.substring(0, provider) + "/{token}";
        }
        return path;
    }

    private static final String TRACKING_LINK = "/track/";

    private static final String SMS_RECEIPTS = "/api/notifications/sms-receipts/";

    private static void secureHeaders(
            HttpHeaders headers, @Nullable HttpStatusCode status, boolean https, PagePolicy pagePolicy) {
        if (https) {
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        // A 304 carries no body and no content type; a browser copies its headers onto the page it cached, so a
        // policy chosen here would replace the page's own. The stored page keeps the policy it came with.
        if (!headers.containsHeader("Content-Security-Policy") && status != HttpStatus.NOT_MODIFIED) {
            // A page without its own policy is one of the console's, served here; anything else loads nothing.
            var contentType = headers.getContentType();
            var page = contentType != null && contentType.isCompatibleWith(MediaType.TEXT_HTML);
            headers.set("Content-Security-Policy", page ? pagePolicy.forPages() : PagePolicy.NOTHING);
        }
    }
}
