/** Kafka serializer and deserializer for event envelopes. */
@NullMarked
package org.whistle.events.kafka;

import org.jspecify.annotations.NullMarked;
