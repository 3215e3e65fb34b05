package org.whistle.events.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.events.EventHeaders;
import org.whistle.events.TraceIds;

/**
 * Kafka serializer for envelopes; adds the type, version, event-id and traceparent headers. A {@code traceparent} the
 * record already carries in the envelope's trace — a traced producer's own span (ADR 0048) — is kept: replacing it would
 * make the consumer the child of a span nobody recorded.
 */
public class EnvelopeSerializer implements Serializer<EventEnvelope<?>> {

    @Override
    public byte[] serialize(String topic, EventEnvelope<?> envelope) {
        return envelope == null ? null : EventCodec.instance().encode(envelope);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, EventEnvelope<?> envelope) {
        if (envelope == null) {
            return null;
        }
        var values = EventHeaders.of(envelope);
        var present = headers.lastHeader(EventHeaders.TRACEPARENT);
        if (present != null
                && TraceIds.traceIdOf(new String(present.value(), StandardCharsets.UTF_8))
                        .equals(envelope.traceId())) {
            values.remove(EventHeaders.TRACEPARENT);
        }
        EventHeaders.write(values, headers);
        return EventCodec.instance().encode(envelope);
    }
}
