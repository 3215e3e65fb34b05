package org.whistle.sla.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Topics;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleEscalated.Kind;

/**
 * A burst of clocks due in the same second is fired in slices, each committed before the next, and still every clock
 * fires exactly once.
 */
class FiringBurstTest {

    private static final Instant START = Instant.parse("2026-05-21T08:00:00Z");
    private static final int SLICE = 50;
    private static final int TICKETS = 520;

    @TempDir
    Path stateDir;

    private final MutableClock clock = new MutableClock(START);
    private TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
    private TestOutputTopic<String, EventEnvelope<?>> escalated;

    @BeforeEach
    void start() {
        var deadlines = new OrgReferenceDeadlines(Tickets.policies(clock), 1, Duration.ofDays(7));
        var topology = ClockTopology.build(deadlines, clock, Duration.ofSeconds(1), SLICE, ClockObserver.NONE);
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "sla-service");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, config, START);
        inputs.put(
                Topics.WHISTLE_RAISED,
                driver.createInputTopic(Topics.WHISTLE_RAISED, new StringSerializer(), new ByteArraySerializer()));
        escalated = driver.createOutputTopic(
                Topics.WHISTLE_ESCALATED,
                new StringDeserializer(),
                new org.whistle.events.kafka.EnvelopeDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void firesABurstInCommittedSlicesAndEveryClockExactlyOnce() {
        for (int i = 0; i < TICKETS; i++) {
            var raised = new Tickets(clock, Tickets.POTHOLE).raised();
            inputs.get(Topics.WHISTLE_RAISED)
                    .pipeInput(raised.key(), EventCodec.instance().encode(raised), clock.instant());
        }

        // The file clocks' warnings (80 % of 10 minutes) all fall due in one punctuation.
        advance(Duration.ofMinutes(8));
        var all = new ArrayList<WhistleEscalated>();
        var slices = new ArrayList<Integer>();
        for (int step = 0; step < TICKETS / SLICE + 3; step++) {
            var slice = fired();
            all.addAll(slice);
            slices.add(slice.size());
            advance(ClockProcessor.CATCH_UP);
        }

        assertThat(slices.getFirst())
                .as("the first punctuation fires one slice, not the whole burst")
                .isEqualTo(SLICE);
        assertThat(slices).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(SLICE));
        assertThat(all)
                .as("the catch-up fired the rest of the burst, slice by slice")
                .hasSize(TICKETS);
        advance(Duration.ofSeconds(30));
        all.addAll(fired());
        assertThat(all).extracting(WhistleEscalated::kind).containsOnly(Kind.WARNING);
        var perClock = all.stream().collect(Collectors.groupingBy(WhistleEscalated::clockId, Collectors.counting()));
        assertThat(perClock)
                .hasSize(TICKETS)
                .allSatisfy((clockId, count) ->
                        assertThat(count).as("warnings of " + clockId).isEqualTo(1));
    }

    private void advance(Duration by) {
        clock.advance(by);
        driver.advanceWallClockTime(by);
    }

    private List<WhistleEscalated> fired() {
        return escalated.readValuesToList().stream()
                .map(envelope -> (WhistleEscalated) envelope.data())
                .toList();
    }
}
