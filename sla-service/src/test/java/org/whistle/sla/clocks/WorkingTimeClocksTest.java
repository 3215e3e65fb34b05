package org.whistle.sla.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.whistle.events.ClockKind;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TicketState;
import org.whistle.events.Topics;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleEscalated.Kind;
import org.whistle.events.WhistleRouted.Action;
import org.whistle.events.kafka.EnvelopeDeserializer;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.sla.clocks.domain.TicketClock;
import org.whistle.sla.clocks.domain.TicketClocks;

/**
 * Clocks counted in working time on China's 2026 schedule, through the real topology: raised on Friday 2026-09-18 at
 * 18:00 Beijing time, with the 国庆节 make-up working Sunday (9/20) inside the window.
 */
class WorkingTimeClocksTest {

    /** Friday 2026-09-18, 18:00 in Beijing. */
    private static final Instant FRIDAY_EVENING = beijing("2026-09-18T18:00");

    private static final String SIGNS = "ROADS-SIGN";
    private static final String UNKNOWN_CALENDAR = "ROADS-MARKING";

    @TempDir
    Path stateDir;

    private final MutableClock clock = new MutableClock(FRIDAY_EVENING);
    private final OrgReferenceCopy copy = new OrgReferenceCopy();
    private TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
    private TestOutputTopic<String, EventEnvelope<?>> escalated;

    @BeforeEach
    void start() {
        copy.apply(TestCalendars.calendar("qiqihar", TestCalendars.china2026(), 1, clock));
        copy.apply(Tickets.policy(
                "signs", SIGNS, Tickets.minutes(8 * 60, 120, 24 * 60, 16 * 60, 60, 60), "qiqihar", clock));
        copy.apply(Tickets.policy(
                "emergency", Tickets.FIRE_HAZARD, Tickets.minutes(10, 10, 60, 120, 30, 40), null, clock));
        copy.apply(Tickets.policy(
                "markings",
                UNKNOWN_CALENDAR,
                Tickets.minutes(8 * 60, 120, 24 * 60, 16 * 60, 60, 60),
                "not-yet",
                clock));
        var deadlines = new OrgReferenceDeadlines(copy, 1, Duration.ofDays(7));
        var topology = ClockTopology.build(deadlines, clock, Duration.ofSeconds(1), ClockObserver.NONE);
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "sla-service");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, config, FRIDAY_EVENING);
        for (var topic :
                List.of(Topics.WHISTLE_RAISED, Topics.WHISTLE_ROUTED, Topics.WHISTLE_REPORTED, Topics.WHISTLE_CLOSED)) {
            inputs.put(topic, driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer()));
        }
        escalated = driver.createOutputTopic(
                Topics.WHISTLE_ESCALATED, new StringDeserializer(), new EnvelopeDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aFilingClockRaisedOnAFridayEveningCountsTheMakeUpSundayAndFallsDueOnMonday() {
        var ticket = new Tickets(clock, SIGNS);
        send(ticket.raised());

        var file = clock(ticket, ClockKind.FILE, null, 1);
        // 8 working hours: Saturday off, Sunday 9/20 is a 调休 working day (7.5 h), the last half hour on Monday.
        assertThat(file.dueAt()).isEqualTo(beijing("2026-09-21T09:00"));
        // The warning at 80 % (6 h 24 min of working time): Sunday 16:24.
        assertThat(file.warnAt()).isEqualTo(beijing("2026-09-20T16:24"));
        assertThat(file.calendarId()).contains("qiqihar");
        assertThat(file.calendarKnown()).isTrue();
        assertThat(file.remainingCounted(clock.instant(), copyCalendars())).contains(Duration.ofHours(8));

        advanceTo(beijing("2026-09-20T16:23"));
        assertThat(fired())
                .as("Saturday and Sunday morning do not use up the clock")
                .isEmpty();
        advanceTo(beijing("2026-09-20T16:25"));
        assertThat(fired())
                .singleElement()
                .satisfies(event -> assertThat(event.kind()).isEqualTo(Kind.WARNING));
        assertThat(clock(ticket, ClockKind.FILE, null, 1).remainingCounted(clock.instant(), copyCalendars()))
                .contains(Duration.ofMinutes(95));
        advanceTo(beijing("2026-09-21T08:59"));
        assertThat(fired()).as("the night does not count").isEmpty();
        advanceTo(beijing("2026-09-21T09:00"));
        assertThat(fired()).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(Kind.ESCALATION);
            assertThat(event.dueAt()).isEqualTo(beijing("2026-09-21T09:00"));
        });
    }

    @Test
    void anEmergencyClockWithoutACalendarKeepsCountingThroughTheNight() {
        var ticket = new Tickets(clock, Tickets.FIRE_HAZARD);
        send(ticket.raised());

        assertThat(clock(ticket, ClockKind.FILE, null, 1).dueAt())
                .isEqualTo(FRIDAY_EVENING.plus(Duration.ofMinutes(10)));
        advanceTo(FRIDAY_EVENING.plus(Duration.ofMinutes(10)));
        assertThat(escalations())
                .singleElement()
                .satisfies(event -> assertThat(event.clock()).isEqualTo(ClockKind.FILE));
    }

    @Test
    void aCalendarChangeReplansRunningClocks() {
        var ticket = new Tickets(clock, SIGNS);
        send(ticket.raised());
        advanceTo(beijing("2026-09-18T20:00"));

        // The centre corrects the calendar: 9/20 is no longer a make-up working day.
        copy.apply(TestCalendars.calendar(
                "qiqihar",
                TestCalendars.without(
                        TestCalendars.china2026(), day -> day.date().equals(LocalDate.of(2026, 9, 20))),
                2,
                clock));
        advanceTo(beijing("2026-09-18T20:01"));

        var file = clock(ticket, ClockKind.FILE, null, 1);
        // Monday 7.5 h, the last half hour on Tuesday.
        assertThat(file.dueAt()).isEqualTo(beijing("2026-09-22T09:00"));
        advanceTo(beijing("2026-09-21T17:29"));
        assertThat(escalations()).as("the old due time no longer holds").isEmpty();
        advanceTo(beijing("2026-09-22T09:00"));
        assertThat(escalations()).hasSize(1);
    }

    @Test
    void aPolicyWhoseCalendarIsUnknownCountsRoundTheClockUntilTheCalendarArrives() {
        var ticket = new Tickets(clock, UNKNOWN_CALENDAR);
        send(ticket.raised());

        var file = clock(ticket, ClockKind.FILE, null, 1);
        assertThat(file.calendarId()).contains("not-yet");
        assertThat(file.calendarKnown()).isFalse();
        assertThat(file.dueAt()).isEqualTo(FRIDAY_EVENING.plus(Duration.ofHours(8)));

        copy.apply(TestCalendars.calendar("not-yet", TestCalendars.china2026(), 1, clock));
        advanceTo(beijing("2026-09-18T18:01"));

        var planned = clock(ticket, ClockKind.FILE, null, 1);
        assertThat(planned.calendarKnown()).isTrue();
        assertThat(planned.dueAt()).isEqualTo(beijing("2026-09-21T09:00"));
    }

    @Test
    void anExtensionAddsWorkingTimeAndASuspensionKeepsTheWorkingTimeLeft() {
        var ticket = new Tickets(clock, SIGNS);
        send(ticket.summoned("roads-bureau"));
        // 16 working hours: Sunday 7.5 h, Monday 7.5 h, Tuesday 08:30–09:30.
        assertThat(clock(ticket, ClockKind.RESOLVE, null, 1).dueAt()).isEqualTo(beijing("2026-09-22T09:30"));

        send(ticket.extended(ClockKind.RESOLVE, "roads-bureau", Duration.ofHours(4), TicketState.DISPATCHED));
        // Four more working hours on Tuesday: to 12:00 (2.5 h), then 13:30–15:00.
        assertThat(clock(ticket, ClockKind.RESOLVE, null, 1).dueAt()).isEqualTo(beijing("2026-09-22T15:00"));

        advanceTo(beijing("2026-09-20T10:00"));
        send(ticket.routed(Action.SUSPENDED, TicketState.SUSPENDED));
        advanceTo(beijing("2026-09-22T08:30"));
        send(ticket.routed(Action.RESUMED, TicketState.DISPATCHED));

        // 1.5 h used on Sunday morning: 18.5 h left from Tuesday 08:30 — Tuesday 7.5 h, Wednesday 7.5 h, Thursday
        // 08:30–12:00.
        var resolve = clock(ticket, ClockKind.RESOLVE, null, 1);
        assertThat(resolve.dueAt()).isEqualTo(beijing("2026-09-24T12:00"));
        assertThat(resolve.remainingCounted(clock.instant(), copyCalendars()))
                .contains(Duration.ofMinutes(18 * 60 + 30));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime)
                .atOffset(ZoneOffset.ofHours(8))
                .toInstant();
    }

    private org.whistle.sla.clocks.domain.Calendars copyCalendars() {
        return copy::calendar;
    }

    private void send(EventEnvelope<?> envelope) {
        inputs.get(envelope.topic())
                .pipeInput(envelope.key(), EventCodec.instance().encode(envelope), clock.instant());
    }

    private void advanceTo(Instant at) {
        var by = Duration.between(clock.instant(), at);
        clock.advance(by);
        driver.advanceWallClockTime(by);
    }

    private List<WhistleEscalated> fired() {
        return escalated.readValuesToList().stream()
                .map(envelope -> (WhistleEscalated) envelope.data())
                .toList();
    }

    private List<WhistleEscalated> escalations() {
        return fired().stream().filter(event -> event.kind() == Kind.ESCALATION).toList();
    }

    private TicketClock clock(Tickets ticket, ClockKind kind, String unit, int instance) {
        var id = TicketClock.idOf(ticket.id(), kind, unit, instance);
        TicketClocks sheet = driver.<String, TicketClocks>getKeyValueStore(ClockStores.SHEETS)
                .get(ticket.id());
        return sheet.clocks().stream()
                .filter(clock -> clock.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no clock " + id));
    }
}
