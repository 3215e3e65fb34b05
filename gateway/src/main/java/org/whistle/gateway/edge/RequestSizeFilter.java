package org.whistle.gateway.edge;

import java.time.Duration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.whistle.gateway.EdgeProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose body is larger than its kind allows, before anything reaches a service, with a 413
 * problem detail. A body without a declared length (chunked) is read up to the limit and passed on with its length,
 * so it cannot slip past the check; multipart uploads are the exception, below.
 *
 * <h2>Why no accepted body can make an event the broker refuses</h2>
 *
 * The broker takes a record of at most 1 MiB ({@code max.message.bytes}, 1,048,588 bytes by default; the outbox's
 * producer stops at {@code max.request.size}, 1,048,576). An event is the envelope (ids, type, times, trace: under
 * 2 KiB) and the facts of one change. Text a request carries reaches the event's JSON at most twice as long as it
 * arrived: the body's own escapes are re-written no longer, and text a service keeps as a JSON string inside the event
 * (a grid's GeoJSON boundary) has each {@code "} and {@code \} escaped once more, one byte to two. So:
 *
 * <ul>
 *   <li><b>other</b> ({@value #OTHER_DEFAULT} — every JSON command: notes, reasons, rules, accounts): 2 × 64 KiB =
 *       128 KiB, plus the envelope, plus stored text the event repeats (a whistle's description, 2,000 characters,
 *       at most 12,000 bytes escaped) — under 144 KiB, a seventh of the limit.
 *   <li><b>imports</b> ({@value #IMPORTS_DEFAULT}, org-registry's {@code /api/org/imports/**}): each row or grid
 *       becomes its own event, none larger than the file: 2 × 384 KiB + 2 KiB + names = under 780 KiB, three
 *       quarters of the limit at worst (a single grid with a 384 KiB boundary; the demo city's whole grid file is
 *       19 KiB). A larger organisation is imported in several files.
 *   <li><b>uploads</b> ({@code multipart/form-data} on the upload paths, 101 MB): the files are stored by intake and
 *       events carry their references (an id, a content type, a size), never their bytes; the form's text fields are
 *       refused by intake above their documented maxima (2,000 characters each), so the event stays under the first
 *       case's bound. A JSON or form-encoded body on an upload path is held to <b>other</b>.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeFilter implements WebFilter {

    static final String OTHER_DEFAULT = "64KB";
    static final String IMPORTS_DEFAULT = "384KB";

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final DataSize uploads;
    private final List<String> uploadPaths;
    private final DataSize imports;
    private final List<String> importPaths;
    private final DataSize other;

    RequestSizeFilter(EdgeProperties properties) {
        var sizes = properties.requestSize();
        this.uploads = sizes.uploads();
        this.uploadPaths = List.copyOf(sizes.uploadPaths());
        this.imports = sizes.imports();
        this.importPaths = List.copyOf(sizes.importPaths());
        this.other = sizes.other();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        var path = request.getPath().pathWithinApplication().value();
        var type = request.getHeaders().getContentType();
        boolean upload = type != null
                && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)
                && uploadPaths.stream().anyMatch(pattern -> PATHS.match(pattern, path));
        var limit = upload
                ? uploads
                : importPaths.stream().anyMatch(pattern -> PATHS.match(pattern, path)) ? imports : other;
        long declared = request.getHeaders().getContentLength();
        if (declared > limit.toBytes()) {
            return tooLarge(exchange, limit);
        }
        if (declared >= 0 || upload || !hasBody(request.getHeaders())) {
            // Intake's own multipart limit bounds an upload without a length; its files never enter an event.
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), (int) Math.min(Integer.MAX_VALUE, limit.toBytes()))
                .map(body -> exchange.mutate()
                        .request(new ServerHttpRequestDecorator(request) {
                            @Override
                            public HttpHeaders getHeaders() {
                                var headers = new HttpHeaders();
                                headers.addAll(super.getHeaders());
                                headers.remove(HttpHeaders.TRANSFER_ENCODING);
                                headers.setContentLength(body.readableByteCount());
                                return headers;
                            }

                            @Override
                            public Flux<DataBuffer> getBody() {
                                return Flux.just(body);
                            }
                        })
                        .build())
                .flatMap(chain::filter)
                .onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange, limit));
    }

    private static boolean hasBody(HttpHeaders headers) {
        return headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, DataSize limit) {
        // The rest of the body is never read: the connection cannot carry another request after it.
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return Problems.write(
                exchange,
                HttpStatus.CONTENT_TOO_LARGE,
                "content-too-large",
                "请求内容过大",
                "此处提交的内容不能超过 " + readable(limit) + "。",
                Duration.ZERO);
    }

    private static String readable(DataSize size) {
        return size.toBytes() % (1024 * 1024) == 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }
}
