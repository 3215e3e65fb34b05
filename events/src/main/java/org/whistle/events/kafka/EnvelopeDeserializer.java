package org.whistle.events.kafka;

import org.apache.kafka.common.serialization.Deserializer;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;

/**
 * Kafka deserializer for envelopes. A null value (a tombstone on a compacted topic) stays null; anything else that
 * is not a valid event throws {@link org.whistle.events.EventDecodingException}, which the consumer's error handling
 * sends to the dead-letter topic.
 */
public class EnvelopeDeserializer implements Deserializer<EventEnvelope<?>> {

    @Override
    public EventEnvelope<?> deserialize(String topic, byte[] data) {
        return data == null ? null : EventCodec.instance().decode(data);
    }
}
