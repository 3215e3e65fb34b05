package org.whistle.systemtests.tracing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPInputStream;

/**
 * A small OTLP/HTTP traces receiver (what an OpenTelemetry Collector answers at {@code /v1/traces}): it decodes the
 * protobuf {@code ExportTraceServiceRequest} the services' exporters send — only the fields a test reads: the
 * resource's {@code service.name} and each span's ids, parent, name and kind — and keeps the spans in memory. The
 * wire format is read by hand: the OpenTelemetry proto classes and protobuf-java are not on the build's classpath.
 */
final class OtlpReceiver implements AutoCloseable {

    /** OTLP's span kinds, by their numbers in {@code trace.proto}. */
    enum Kind {
        UNSPECIFIED,
        INTERNAL,
        SERVER,
        CLIENT,
        PRODUCER,
        CONSUMER
    }

    /** One span as received; ids in lower-case hex, the parent empty for a root. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind) {}

    /** At most this many bytes per export request: the exporters batch 512 spans, far below it. */
    private static final int MAX_REQUEST = 16 * 1024 * 1024;

    private final HttpServer server;
    private final Collection<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", receiver::export);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces");
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    List<ReceivedSpan> spansOf(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (var in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST);
            }
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = unzipped.readNBytes(MAX_REQUEST);
                }
            }
            spans.addAll(request(body));
            // An empty ExportTraceServiceResponse: all accepted.
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    // ---- the protobuf wire format, the few messages needed ------------------------------------------------------

    /** ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; } */
    static List<ReceivedSpan> request(byte[] bytes) {
        var received = new ArrayList<ReceivedSpan>();
        var request = new Reader(bytes);
        while (request.more()) {
            var field = request.tag();
            if (field == 1) {
                resourceSpans(request.bytes(), received);
            } else {
                request.skip();
            }
        }
        return received;
    }

    /** ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; } */
    private static void resourceSpans(byte[] bytes, List<ReceivedSpan> received) {
        var service = "";
        var scopes = new ArrayList<byte[]>();
        var message = new Reader(bytes);
        while (message.more()) {
            switch (message.tag()) {
                case 1 -> service = serviceName(message.bytes());
                case 2 -> scopes.add(message.bytes());
                default -> message.skip();
            }
        }
        for (var scope : scopes) {
            // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
            var scopeSpans = new Reader(scope);
            while (scopeSpans.more()) {
                if (scopeSpans.tag() == 2) {
                    received.add(span(service, scopeSpans.bytes()));
                } else {
                    scopeSpans.skip();
                }
            }
        }
    }

    /** Resource { repeated KeyValue attributes = 1; }, KeyValue { string key = 1; AnyValue value = 2; } */
    private static String serviceName(byte[] bytes) {
        var resource = new Reader(bytes);
        while (resource.more()) {
            if (resource.tag() != 1) {
                resource.skip();
                continue;
            }
            var attribute = new Reader(resource.bytes());
            String key = null;
            String value = null;
            while (attribute.more()) {
                switch (attribute.tag()) {
                    case 1 -> key = attribute.string();
                    case 2 -> {
                        // AnyValue { string string_value = 1; ... }
                        var any = new Reader(attribute.bytes());
                        while (any.more()) {
                            if (any.tag() == 1) {
                                value = any.string();
                            } else {
                                any.skip();
                            }
                        }
                    }
                    default -> attribute.skip();
                }
            }
            if ("service.name".equals(key) && value != null) {
                return value;
            }
        }
        return "";
    }

    /** Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6; } */
    private static ReceivedSpan span(String service, byte[] bytes) {
        var span = new Reader(bytes);
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        var kind = Kind.UNSPECIFIED;
        while (span.more()) {
            switch (span.tag()) {
                case 1 -> traceId = HexFormat.of().formatHex(span.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(span.bytes());
                case 4 -> parent = HexFormat.of().formatHex(span.bytes());
                case 5 -> name = span.string();
                case 6 -> {
                    var number = (int) span.varint();
                    kind = number >= 0 && number < Kind.values().length ? Kind.values()[number] : Kind.UNSPECIFIED;
                }
                default -> span.skip();
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind);
    }

    /** Reads one message's fields: {@link #tag} gives the field number, then read or {@link #skip} its value. */
    private static final class Reader {

        private final byte[] bytes;
        private int position;
        private int wireType;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean more() {
            return position < bytes.length;
        }

        int tag() {
            var key = varint();
            wireType = (int) (key & 7);
            return (int) (key >>> 3);
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                var b = bytes[position++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        byte[] bytes() {
            if (wireType != 2) {
                throw new IllegalArgumentException("not a length-delimited field: wire type " + wireType);
            }
            var length = (int) varint();
            if (length < 0 || position + length > bytes.length) {
                throw new IllegalArgumentException("field longer than its message");
            }
            var value = java.util.Arrays.copyOfRange(bytes, position, position + length);
            position += length;
            return value;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        void skip() {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> position += 8;
                case 2 -> bytes();
                case 5 -> position += 4;
                default -> throw new IllegalArgumentException("unsupported wire type " + wireType);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
