package org.whistle.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;

/**
 * The Kafka headers that repeat envelope facts (design §3), so brokers' tools and tracing see them without parsing
 * the value.
 */
public final class EventHeaders {

    public static final String TYPE = "type";
    public static final String VERSION = "version";
    public static final String TRACEPARENT = "traceparent";
    public static final String EVENT_ID = "event-id";
    /** Present only on generated history ({@link Origin}), so tools see it without parsing the value. */
    public static final String ORIGIN = "origin";

    private EventHeaders() {}

    /** Header values for one envelope, in a stable order; {@code traceparent} names a new span in its trace. */
    public static Map<String, String> of(EventEnvelope<?> envelope) {
        var headers = new LinkedHashMap<String, String>();
        headers.put(TYPE, envelope.type());
        headers.put(VERSION, Integer.toString(envelope.version()));
        headers.put(TRACEPARENT, TraceIds.traceparent(envelope.traceId()));
        headers.put(EVENT_ID, envelope.id().toString());
        if (envelope.origin() != null) {
            headers.put(ORIGIN, envelope.origin().name());
        }
        return headers;
    }

    public static void write(Map<String, String> values, Headers headers) {
        values.forEach((name, value) -> {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        });
    }
}
