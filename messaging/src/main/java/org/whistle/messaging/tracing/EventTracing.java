package org.whistle.messaging.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.whistle.events.EventEnvelope;
import org.whistle.events.EventHeaders;
import org.whistle.events.TraceIds;

/**
 * Carries the trace across the hops Micrometer's own instrumentation does not see (ADR 0048): the outbox row stores the
 * trace current when the event is written, the relay's publish span continues it and puts its own context in the
 * record's {@code traceparent}, and a batch listener continues each record's trace while it applies that record.
 *
 * <p>Without a tracer ({@link #NONE}: a service or test without Micrometer Tracing) events keep the trace id their
 * producer gave and the {@code traceparent} built from it, as before.
 */
public final class EventTracing {

    /** No tracer: nothing is traced, headers are what {@link EventHeaders#of} makes. */
    public static final EventTracing NONE = new EventTracing(null, null);

    private static final String TRACESTATE = "tracestate";

    private final @Nullable Tracer tracer;
    private final @Nullable Propagator propagator;

    private EventTracing(@Nullable Tracer tracer, @Nullable Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public static EventTracing of(Tracer tracer, Propagator propagator) {
        return new EventTracing(tracer, propagator);
    }

    /**
     * The trace id of the current span — the request's or the record's observation, sampled or not — for the events a
     * command publishes; a new trace id only where nothing is current (no tracer, a start-up task). Controllers ask this
     * instead of reading the {@code traceparent} header themselves: the server observation already continued it.
     */
    public String currentTraceId() {
        if (tracer != null) {
            var current = tracer.currentSpan();
            if (current != null && TraceIds.isValidTraceId(current.context().traceId())) {
                return current.context().traceId();
            }
        }
        return TraceIds.newTraceId();
    }

    /** An event about to be stored, stamped with the current trace, and the Kafka headers to store with it. */
    public record Stamped(EventEnvelope<?> event, Map<String, String> headers) {}

    /**
     * Stamps the event with the current trace: the envelope's trace id becomes the current trace's and the stored
     * {@code traceparent} names the current span. When no span is current (a timer, a start-up task) the event starts a
     * trace of its own, a span named after its type.
     */
    public Stamped stamp(EventEnvelope<?> event) {
        if (tracer == null || propagator == null) {
            return new Stamped(event, EventHeaders.of(event));
        }
        Span own = null;
        var current = tracer.currentSpan();
        if (current == null) {
            own = tracer.nextSpan().name("outbox " + event.type()).start();
            current = own;
        }
        try {
            var context = current.context();
            if (!TraceIds.isValidTraceId(context.traceId())) {
                return new Stamped(event, EventHeaders.of(event));
            }
            var stamped = event.inTrace(context.traceId());
            var headers = new LinkedHashMap<>(EventHeaders.of(stamped));
            headers.remove(EventHeaders.TRACEPARENT);
            propagator.inject(context, headers, Map::put);
            return new Stamped(stamped, headers);
        } finally {
            if (own != null) {
                own.end();
            }
        }
    }

    /**
     * Starts the relay's producer span for one record, a child of the trace stored with its row, and writes the span's
     * context into the record's headers (replacing the stored one), so the consumer's span is the relay's child. The
     * caller ends the span when the broker has answered.
     */
    public Span publishing(String topic, Map<String, String> stored, Headers recordHeaders) {
        if (tracer == null || propagator == null) {
            return Span.NOOP;
        }
        var span = propagator
                .extract(stored, (carrier, key) -> carrier.get(key))
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
        return span;
    }

    /**
     * Runs {@code work} inside a consumer span continuing the record's trace: what a batch listener writes while
     * applying one record (events, logs) belongs to the trace that record came with. Spring Kafka's listener
     * observation does this for record listeners, not for batches applied in one transaction.
     */
    public void continuing(ConsumerRecord<?, ?> record, Runnable work) {
        if (tracer == null || propagator == null) {
            work.run();
            return;
        }
        var span = propagator
                .extract(record.headers(), EventTracing::header)
                .name(record.topic() + " process")
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic())
                .start();
        try (var scope = tracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private static @Nullable String header(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
