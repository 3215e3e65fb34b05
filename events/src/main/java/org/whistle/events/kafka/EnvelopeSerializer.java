package org.whistle.events.kafka;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.events.EventHeaders;

/** Kafka serializer for envelopes; adds the type, version, event-id and traceparent headers. */
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
        EventHeaders.write(EventHeaders.of(envelope), headers);
        return EventCodec.instance().encode(envelope);
    }
}
