package org.whistle.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The envelope every event travels in (design §3).
 *
 * @param id unique per event (UUIDv7); consumers deduplicate by it
 * @param revision increases with every event a producer publishes about one whistle (for dispatch: the ticket's
 *     revision); consumers compare revisions only between events of the same producer and ignore stale ones, so
 *     reordering across topics is harmless. Reference events carry the entity's revision.
 * @param traceId the W3C trace id (32 hex digits) of the request that caused the event
 * @param origin absent for live events; {@link Origin#HISTORY} for generated history, which live actors ignore (ADR
 *     0032). Left out of the document when absent, so a live event reads exactly as before.
 */
public record EventEnvelope<T extends EventData>(
        UUID id,
        String type,
        int version,
        Instant occurredAt,
        @Nullable WhistleId whistleId,
        long revision,
        String producer,
        String traceId,
        T data,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Origin origin) {

    /** A live event. */
    public EventEnvelope(
            UUID id,
            String type,
            int version,
            Instant occurredAt,
            @Nullable WhistleId whistleId,
            long revision,
            String producer,
            String traceId,
            T data) {
        this(id, type, version, occurredAt, whistleId, revision, producer, traceId, data, null);
    }

    public EventEnvelope {
        // A superseded version is read into its successor's record, so the type and version name the document's.
        if (EventType.named(type, version)
                .filter(named -> named.dataClass().equals(data.getClass()))
                .isEmpty()) {
            var expected = EventType.of(data);
            throw new IllegalArgumentException("envelope says " + type + " v" + version + " but carries "
                    + expected.typeName() + " v" + expected.version());
        }
        if (revision < 0) {
            throw new IllegalArgumentException("revision must not be negative: " + revision);
        }
        if (!TraceIds.isValidTraceId(traceId)) {
            throw new IllegalArgumentException("not a W3C trace id: " + traceId);
        }
        var subject = data instanceof WhistleEvent event ? event.whistleId() : null;
        if (!java.util.Objects.equals(subject, whistleId)) {
            throw new IllegalArgumentException(
                    "envelope whistleId " + whistleId + " differs from the data's " + subject);
        }
        RequiredFields.check((Record) data);
    }

    /** Wraps a fact in a new envelope with a fresh id, stamped with the clock's instant. */
    public static <T extends EventData> EventEnvelope<T> wrap(
            T data, long revision, String producer, String traceId, Clock clock) {
        var type = EventType.of(data);
        var whistleId = data instanceof WhistleEvent event ? event.whistleId() : null;
        return new EventEnvelope<>(
                EventIds.next(clock.millis()),
                type.typeName(),
                type.version(),
                clock.instant(),
                whistleId,
                revision,
                producer,
                traceId,
                data);
    }

    /** Whether this is generated history, which only figures fold and live actors ignore (ADR 0032). */
    public boolean isHistory() {
        return origin == Origin.HISTORY;
    }

    /** The same event marked as generated history. */
    public EventEnvelope<T> asHistory() {
        return new EventEnvelope<>(
                id, type, version, occurredAt, whistleId, revision, producer, traceId, data, Origin.HISTORY);
    }

    /**
     * The same event in another trace: the outbox stamps the trace current when the event is written (ADR 0048), so
     * the envelope's trace id and the record's {@code traceparent} header name the same trace.
     */
    public EventEnvelope<T> inTrace(String otherTraceId) {
        if (otherTraceId.equals(traceId)) {
            return this;
        }
        return new EventEnvelope<>(
                id, type, version, occurredAt, whistleId, revision, producer, otherTraceId, data, origin);
    }

    /** The type and version of this envelope (a superseded one when it was read from an older document). */
    public EventType eventType() {
        return EventType.named(type, version).orElseThrow();
    }

    /** The topic this event is published to. */
    public String topic() {
        return eventType().topic();
    }

    /** The record key: the whistle id, or the reference entity's id. */
    public String key() {
        return data.key();
    }
}
