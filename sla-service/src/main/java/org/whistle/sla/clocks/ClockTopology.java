package org.whistle.sla.clocks;

import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Topics;
import org.whistle.events.kafka.EnvelopeSerializer;
import org.whistle.sla.clocks.domain.Deadlines;

/**
 * The SLA topology: one source reading the four lifecycle topics (all keyed by whistle id with the same partition
 * count, so one ticket's events meet in one task), one processor holding the stores, and two sinks —
 * {@code whistle-escalated} and the source topic's dead-letter topic.
 */
public final class ClockTopology {

    static final String SOURCE = "whistle-lifecycle";
    static final String PROCESSOR = "clocks";
    static final String ESCALATED_SINK = "whistle-escalated";
    static final String DEAD_LETTER_SINK = "dead-letters";

    private ClockTopology() {}

    /** The most due index entries one punctuation fires before it commits them (see {@link ClockProcessor}). */
    public static final int DEFAULT_FIRING_SLICE = 2_000;

    public static Topology build(
            Deadlines deadlines, Clock clock, Duration punctuationInterval, ClockObserver observer) {
        return build(deadlines, clock, punctuationInterval, DEFAULT_FIRING_SLICE, observer, ClockTracing.NONE);
    }

    public static Topology build(
            Deadlines deadlines,
            Clock clock,
            Duration punctuationInterval,
            int firingSlice,
            ClockObserver observer,
            ClockTracing tracing) {
        return addTo(new Topology(), deadlines, clock, punctuationInterval, firingSlice, observer, tracing);
    }

    public static Topology build(
            Deadlines deadlines, Clock clock, Duration punctuationInterval, int firingSlice, ClockObserver observer) {
        return build(deadlines, clock, punctuationInterval, firingSlice, observer, ClockTracing.NONE);
    }

    /** Adds the clocks to a topology, such as the one Spring Kafka's {@code StreamsBuilderFactoryBean} builds. */
    public static Topology addTo(
            Topology topology,
            Deadlines deadlines,
            Clock clock,
            Duration punctuationInterval,
            int firingSlice,
            ClockObserver observer,
            ClockTracing tracing) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serializer<EventEnvelope<?>> envelopes = (Serializer) new EnvelopeSerializer();
        TopicNameExtractor<String, byte[]> deadLetterTopic =
                (key, value, context) -> Topics.deadLetterOf(context.topic());
        return topology.addSource(
                        SOURCE,
                        Serdes.String().deserializer(),
                        Serdes.ByteArray().deserializer(),
                        Topics.WHISTLE_RAISED,
                        Topics.WHISTLE_ROUTED,
                        Topics.WHISTLE_REPORTED,
                        Topics.WHISTLE_CLOSED)
                .addProcessor(
                        PROCESSOR,
                        () -> new ClockProcessor(deadlines, clock, punctuationInterval, firingSlice, observer, tracing),
                        SOURCE)
                .addStateStore(ClockStores.sheets(), PROCESSOR)
                .addStateStore(ClockStores.due(), PROCESSOR)
                .addStateStore(ClockStores.ticketIds(), PROCESSOR)
                .addStateStore(ClockStores.calendars(), PROCESSOR)
                .addStateStore(ClockStores.counts(), PROCESSOR)
                .addSink(ESCALATED_SINK, Topics.WHISTLE_ESCALATED, new StringSerializer(), envelopes, PROCESSOR)
                .addSink(
                        DEAD_LETTER_SINK,
                        deadLetterTopic,
                        new StringSerializer(),
                        new ByteArraySerializer(),
                        PROCESSOR);
    }
}
