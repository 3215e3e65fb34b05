package org.whistle.gateway.edge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.whistle.gateway.EdgeProperties;
import org.whistle.texts.Phrase;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose body is larger than its kind allows, before anything reaches a service, with a 413
 * problem detail. A body without a declared length (chunked) is read up to the limit and passed on with its length,
 * so it cannot slip past the check; multipart uploads are the exception, below. A refused body is read and thrown
 * away up to a modest excess before the answer, so that the client receives it (see {@link #drained}).
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

    /** How much of a refused body is read and thrown away before answering (see {@link #drained}). */
    static final long DRAIN_AT_MOST = 8L * 1024 * 1024;

    static final String DRAIN_AT_MOST_TEXT = "8 MiB";

    static final Duration DRAIN_FOR_AT_MOST = Duration.ofSeconds(10);

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
            return drained(request.getBody(), expectsContinue(request.getHeaders()) ? 0 : declared)
                    .then(Mono.defer(() -> tooLarge(exchange, limit)));
        }
        if (declared >= 0 || upload || !hasBody(request.getHeaders())) {
            // Intake's own multipart limit bounds an upload without a length; its files never enter an event.
            return chain.filter(exchange);
        }
        var read = new Collected(limit.toBytes());
        return request.getBody()
                .doOnNext(read::take)
                .takeUntil(buffer -> read.total() > limit.toBytes() + DRAIN_AT_MOST)
                // Only the throwing away is timed: a slow client within the limit is as welcome as before.
                .timeout(Mono.never(), buffer -> read.over() ? Mono.delay(DRAIN_FOR_AT_MOST) : Mono.never())
                .then(Mono.fromSupplier(read::body))
                .doOnError(e -> read.release())
                .doOnCancel(read::release)
                // Only a body already over the limit can time out: it is refused like any other.
                .onErrorResume(TimeoutException.class, e -> Mono.just(Optional.empty()))
                .flatMap(body -> body.isEmpty()
                        ? tooLarge(exchange, limit)
                        : chain.filter(exchange.mutate()
                                .request(withBody(request, body.get()))
                                .build()));
    }

    /**
     * Reads and throws away the body of a refused request, so that the connection closes after the client has sent
     * it: closing with unread bytes makes the close a reset, which discards the answer the client has not read yet,
     * and the client sees no answer at all. Only a modest excess is read ({@value #DRAIN_AT_MOST_TEXT}, for at most
     * {@code DRAIN_FOR_AT_MOST}); a larger body, or a client waiting for {@code 100 Continue}, is answered unread.
     */
    static Mono<Void> drained(Flux<DataBuffer> body, long declared) {
        if (declared <= 0 || declared > DRAIN_AT_MOST) {
            return Mono.empty();
        }
        return body.map(buffer -> {
                    long size = buffer.readableByteCount();
                    DataBufferUtils.release(buffer);
                    return size;
                })
                .scan(0L, Long::sum)
                .takeUntil(total -> total > DRAIN_AT_MOST)
                .timeout(DRAIN_FOR_AT_MOST)
                .then()
                .onErrorResume(e -> Mono.empty());
    }

    private static boolean expectsContinue(HttpHeaders headers) {
        return "100-continue".equalsIgnoreCase(headers.getFirst(HttpHeaders.EXPECT));
    }

    private static ServerHttpRequestDecorator withBody(ServerHttpRequest request, DataBuffer body) {
        return new ServerHttpRequestDecorator(request) {
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
        };
    }

    /**
     * A body without a declared length as it arrives: kept while within the limit, thrown away (and read on, up to
     * the drain's bound) once past it.
     */
    private static final class Collected {
        private final long limit;
        private final List<DataBuffer> kept = new ArrayList<>();
        private long total;

        Collected(long limit) {
            this.limit = limit;
        }

        synchronized void take(DataBuffer buffer) {
            total += buffer.readableByteCount();
            if (total > limit) {
                release();
                DataBufferUtils.release(buffer);
            } else {
                kept.add(buffer);
            }
        }

        /** The whole body, or empty when it was over the limit. */
        synchronized Optional<DataBuffer> body() {
            if (total > limit) {
                return Optional.empty();
            }
            var joined = DefaultDataBufferFactory.sharedInstance.allocateBuffer((int) total);
            for (var buffer : kept) {
                joined.write(buffer);
                DataBufferUtils.release(buffer);
            }
            kept.clear();
            return Optional.of(joined);
        }

        synchronized long total() {
            return total;
        }

        synchronized boolean over() {
            return total > limit;
        }

        synchronized void release() {
            kept.forEach(DataBufferUtils::release);
            kept.clear();
        }
    }

    private static boolean hasBody(HttpHeaders headers) {
        return headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, DataSize limit) {
        // The connection cannot carry another request after a body that was not read to its end.
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return Problems.write(
                exchange,
                HttpStatus.CONTENT_TOO_LARGE,
                "content-too-large",
                Phrase.of("problem.gateway.tooLarge.title"),
                Phrase.of("problem.gateway.tooLarge.detail", "limit", readable(limit)),
                Duration.ZERO);
    }

    private static String readable(DataSize size) {
        return size.toBytes() % (1024 * 1024) == 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }
}
