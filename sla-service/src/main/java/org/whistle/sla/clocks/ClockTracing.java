package org.whistle.sla.clocks;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.whistle.events.EventHeaders;
import org.whistle.events.TraceIds;

/**
 * Keeps a clock's escalation in the trace of the event that started the clock (ADR 0054). The Streams application has
 * no Spring Kafka observation, so the processor continues each lifecycle record's trace in a {@code <topic> process}
 * span itself; a clock started while applying it keeps that span's {@code traceparent} in the sheet, and the
 * {@code whistle-escalated} record it fires later is published in a child span of it — hours later, but in the
 * whistle's one trace.
 *
 * <p>Without a tracer ({@link #NONE}) the record's own {@code traceparent} is kept, so the escalation still carries the
 * cause's trace id.
 */
public final class ClockTracing {

    /** No tracer: no spans, trace ids are carried over from the cause's {@code traceparent}. */
    public static final ClockTracing NONE = new ClockTracing(null, null);

    private static final String TRACESTATE = "tracestate";

    private final @Nullable Tracer tracer;
    private final @Nullable Propagator propagator;

    private ClockTracing(@Nullable Tracer tracer, @Nullable Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public static ClockTracing of(Tracer tracer, Propagator propagator) {
        return new ClockTracing(tracer, propagator);
    }

    /** One lifecycle record being applied: its span (if traced) and the {@code traceparent} clocks it starts keep. */
    record Processing(
            @Nullable Span span,
            Tracer.@Nullable SpanInScope scope,
            @Nullable String cause) implements AutoCloseable {

        @Override
        public void close() {
            if (scope != null) {
                scope.close();
            }
            if (span != null) {
                span.end();
            }
        }
    }

    /** Starts the consumer span continuing the record's trace, current until the processing is closed. */
    Processing processing(String topic, Headers headers) {
        var received = header(headers, EventHeaders.TRACEPARENT);
        if (tracer == null || propagator == null) {
            return new Processing(null, null, received);
        }
        var span = propagator
                .extract(headers, ClockTracing::header)
                .name(topic + " process")
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .start();
        var scope = tracer.withSpan(span);
        return new Processing(span, scope, traceparent(span));
    }

    /** The publication of one escalation: the span (if traced) and the trace id its envelope carries. */
    record Publication(@Nullable Span span, String traceId) {

        void end() {
            if (span != null) {
                span.end();
            }
        }
    }

    /**
     * Starts the producer span of an escalation as a child of the clock's cause (a new trace when the clock has none: a
     * sheet from before causes were kept) and writes its context into the record's headers.
     */
    Publication publishing(String topic, @Nullable String cause, Headers recordHeaders) {
        if (tracer == null || propagator == null) {
            return new Publication(null, TraceIds.traceIdOf(cause));
        }
        Map<String, String> carrier = new HashMap<>();
        if (cause != null) {
            carrier.put(EventHeaders.TRACEPARENT, cause);
        }
        var span = propagator
                .extract(carrier, Map::get)
                .name(topic + " publish")
                .kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .start();
        recordHeaders.remove(EventHeaders.TRACEPARENT);
        recordHeaders.remove(TRACESTATE);
        propagator.inject(span.context(), recordHeaders, (headers, key, value) -> {
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
        var traceId = span.context().traceId();
        return new Publication(span, TraceIds.isValidTraceId(traceId) ? traceId : TraceIds.traceIdOf(cause));
    }

    private @Nullable String traceparent(Span span) {
        Map<String, String> carrier = new HashMap<>();
        if (propagator != null) {
            propagator.inject(span.context(), carrier, Map::put);
        }
        return carrier.get(EventHeaders.TRACEPARENT);
    }

    private static @Nullable String header(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
