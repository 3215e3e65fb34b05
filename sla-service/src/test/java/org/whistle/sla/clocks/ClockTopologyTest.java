package org.whistle.sla.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
import org.whistle.events.CommandLevel;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TaskState;
import org.whistle.events.TicketState;
import org.whistle.events.Topics;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleEscalated.Kind;
import org.whistle.events.WhistleReported.Report;
import org.whistle.events.WhistleRouted.Action;
import org.whistle.events.kafka.EnvelopeDeserializer;
import org.whistle.sla.clocks.domain.ClockState;
import org.whistle.sla.clocks.domain.TicketClock;
import org.whistle.sla.clocks.domain.TicketClocks;

/** Every clock through the real topology, with time moved by hand: start, stop, pause, extend, warn, escalate. */
class ClockTopologyTest {

    private static final Instant START = Instant.parse("2026-05-21T08:00:00Z");

    @TempDir
    Path stateDir;

    private final MutableClock clock = new MutableClock(START);
    private TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
    private TestOutputTopic<String, EventEnvelope<?>> escalated;

    @BeforeEach
    void start() {
        start(1);
    }

    private void start(double timeScale) {
        var deadlines = new OrgReferenceDeadlines(Tickets.policies(clock), timeScale, Duration.ofDays(7));
        var topology = ClockTopology.build(deadlines, clock, Duration.ofSeconds(1), ClockObserver.NONE);
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "sla-service");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, config, START);
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

    // ---- file (受理) ----------------------------------------------------------------------------------------------

    @Test
    void warnsAtEightyPercentAndEscalatesToDistrictWhenStreetDoesNotFile() {
        var ticket = pothole();
        send(ticket.raised());

        advance(Duration.ofMinutes(7));
        assertThat(fired()).isEmpty();
        advance(Duration.ofMinutes(1));
        var warning = single(fired());
        assertThat(warning.kind()).isEqualTo(Kind.WARNING);
        assertThat(warning.clock()).isEqualTo(ClockKind.FILE);
        assertThat(warning.toLevel()).isNull();

        advance(Duration.ofMinutes(2));
        var escalation = single(fired());
        assertThat(escalation.kind()).isEqualTo(Kind.ESCALATION);
        assertThat(escalation.clockId()).isEqualTo(ticket.id() + ":FILE:-:1");
        assertThat(escalation.unitId()).isNull();
        assertThat(escalation.fromLevel()).isEqualTo(CommandLevel.STREET);
        assertThat(escalation.toLevel()).isEqualTo(CommandLevel.DISTRICT);
        assertThat(escalation.redList()).isFalse();
        assertThat(escalation.dueAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
        assertThat(escalation.ticketId())
                .as("no ticket yet: the whistle names it")
                .isNull();
        assertThat(escalation.whistleId()).isEqualTo(ticket.whistleId);

        advance(Duration.ofHours(5));
        assertThat(fired()).as("each instance fires once").isEmpty();
    }

    @Test
    void filingStopsTheFileClock() {
        var ticket = pothole();
        send(ticket.raised());
        advance(Duration.ofMinutes(5));
        send(ticket.routed(Action.FILED, TicketState.FILED));

        advance(Duration.ofMinutes(30));

        assertThat(fired()).isEmpty();
        assertThat(clock(ticket, ClockKind.FILE, null, 1).state()).isEqualTo(ClockState.STOPPED);
    }

    // ---- report in (报到), contact reporter, resolve ------------------------------------------------------------

    @Test
    void summonsStartsOneReportInClockPerUnitAndReportingInStopsOnlyThatUnitsClock() {
        var ticket = pothole();
        send(ticket.routed(Action.FILED, TicketState.FILED));
        send(ticket.summoned("roads-bureau", "property-co"));
        advance(Duration.ofMinutes(5));
        send(ticket.reported("roads-bureau", Report.REPORTED_IN, TaskState.REPORTED_IN, TicketState.IN_PROGRESS));

        advance(Duration.ofMinutes(3));
        var warning = single(fired());
        assertThat(warning.unitId()).isEqualTo("property-co");
        advance(Duration.ofMinutes(2));
        var escalation = single(fired());
        assertThat(escalation.kind()).isEqualTo(Kind.ESCALATION);
        assertThat(escalation.clock()).isEqualTo(ClockKind.REPORT_IN);
        assertThat(escalation.clockId()).isEqualTo(ticket.id() + ":REPORT_IN:property-co:1");
        assertThat(escalation.unitId()).isEqualTo("property-co");

        assertThat(clock(ticket, ClockKind.REPORT_IN, "roads-bureau", 1).state())
                .isEqualTo(ClockState.STOPPED);
        assertThat(clock(ticket, ClockKind.RESOLVE, null, 1).state()).isEqualTo(ClockState.RUNNING);
        assertThat(clock(ticket, ClockKind.CONTACT_REPORTER, null, 1).state()).isEqualTo(ClockState.RUNNING);
    }

    @Test
    void decliningStopsTheUnitsReportInClock() {
        var ticket = pothole();
        send(ticket.summoned("roads-bureau", "property-co"));
        send(ticket.reported("property-co", Report.DECLINED, TaskState.DECLINED, TicketState.DISPATCHED));

        advance(Duration.ofMinutes(8));
        assertThat(fired()).extracting(WhistleEscalated::unitId).containsExactly("roads-bureau");
        assertThat(clock(ticket, ClockKind.REPORT_IN, "property-co", 1).state()).isEqualTo(ClockState.STOPPED);
    }

    @Test
    void contactingTheReporterStopsTheContactClockAndOtherwiseTheLeadIsNamedLate() {
        var contacted = pothole();
        var silent = pothole();
        for (var ticket : List.of(contacted, silent)) {
            send(ticket.summoned("roads-bureau"));
            send(ticket.reported("roads-bureau", Report.REPORTED_IN, TaskState.REPORTED_IN, TicketState.IN_PROGRESS));
        }
        advance(Duration.ofMinutes(30));
        send(contacted.reported(
                "roads-bureau", Report.CONTACTED_REPORTER, TaskState.REPORTED_IN, TicketState.IN_PROGRESS));

        advance(Duration.ofMinutes(18));
        advance(Duration.ofMinutes(12));

        var fired = fired();
        assertThat(fired).allMatch(event -> event.whistleId().equals(silent.whistleId));
        assertThat(fired).extracting(WhistleEscalated::kind).containsExactly(Kind.WARNING, Kind.ESCALATION);
        assertThat(fired).allMatch(event -> event.clock() == ClockKind.CONTACT_REPORTER);
        assertThat(fired.getLast().unitId()).as("the lead answers").isEqualTo("roads-bureau");
        assertThat(clock(contacted, ClockKind.CONTACT_REPORTER, null, 1).state())
                .isEqualTo(ClockState.STOPPED);
    }

    @Test
    void resolvingStopsResolveAndStartsVerifyWhichEscalatesForTheCentre() {
        var ticket = pothole();
        send(ticket.summoned("roads-bureau"));
        send(ticket.reported("roads-bureau", Report.REPORTED_IN, TaskState.REPORTED_IN, TicketState.IN_PROGRESS));
        send(ticket.reported(
                "roads-bureau", Report.CONTACTED_REPORTER, TaskState.REPORTED_IN, TicketState.IN_PROGRESS));
        advance(Duration.ofMinutes(10));
        send(ticket.reported("roads-bureau", Report.DONE, TaskState.DONE, TicketState.RESOLVED));

        advance(Duration.ofMinutes(24));
        assertThat(single(fired()).clock()).isEqualTo(ClockKind.VERIFY);
        advance(Duration.ofMinutes(6));
        var escalation = single(fired());
        assertThat(escalation.clock()).isEqualTo(ClockKind.VERIFY);
        assertThat(escalation.unitId()).isNull();
        assertThat(clock(ticket, ClockKind.RESOLVE, null, 1).state()).isEqualTo(ClockState.STOPPED);

        advance(Duration.ofHours(3));
        assertThat(fired()).as("resolve stopped: nothing more").isEmpty();
    }

    @Test
    void verificationStartsFollowUpAndClosingStopsEverything() {
        var ticket = pothole();
        send(ticket.summoned("roads-bureau"));
        send(ticket.reported("roads-bureau", Report.REPORTED_IN, TaskState.REPORTED_IN, TicketState.IN_PROGRESS));
        send(ticket.reported(
                "roads-bureau", Report.CONTACTED_REPORTER, TaskState.REPORTED_IN, TicketState.IN_PROGRESS));
        send(ticket.reported("roads-bureau", Report.DONE, TaskState.DONE, TicketState.RESOLVED));
        advance(Duration.ofMinutes(5));
        send(ticket.routed(Action.VERIFIED, TicketState.VERIFIED));

        assertThat(clock(ticket, ClockKind.VERIFY, null, 1).state()).isEqualTo(ClockState.STOPPED);
        assertThat(clock(ticket, ClockKind.FOLLOW_UP, null, 1).state()).isEqualTo(ClockState.RUNNING);
        advance(Duration.ofMinutes(32));
        assertThat(single(fired()).clock()).isEqualTo(ClockKind.FOLLOW_UP);

        send(ticket.closed(WhistleClosed.Outcome.RESOLVED));
        advance(Duration.ofHours(10));

        assertThat(fired()).isEmpty();
        assertThat(sheet(ticket).clocks()).allMatch(clock -> clock.state() == ClockState.STOPPED);
    }

    @Test
    void reopeningStartsANewResolveInstance() {
        var ticket = pothole();
        send(ticket.summoned("roads-bureau"));
        send(ticket.reported("roads-bureau", Report.REPORTED_IN, TaskState.REPORTED_IN, TicketState.IN_PROGRESS));
        send(ticket.reported("roads-bureau", Report.DONE, TaskState.DONE, TicketState.RESOLVED));
        send(ticket.routed(Action.REOPENED, TicketState.IN_PROGRESS));

        assertThat(clock(ticket, ClockKind.VERIFY, null, 1).state()).isEqualTo(ClockState.STOPPED);
        assertThat(clock(ticket, ClockKind.RESOLVE, null, 2).state()).isEqualTo(ClockState.RUNNING);
    }

    // ---- pause, resume, extension ---------------------------------------------------------------------------------

    @Test
    void suspensionPausesClocksAndResumingKeepsTheRemainingTime() {
        var ticket = pothole();
        send(ticket.summoned("roads-bureau"));
        advance(Duration.ofMinutes(4));
        send(ticket.routed(Action.SUSPENDED, TicketState.SUSPENDED));
        assertThat(clock(ticket, ClockKind.REPORT_IN, "roads-bureau", 1).state())
                .isEqualTo(ClockState.PAUSED);

        advance(Duration.ofMinutes(30));
        assertThat(fired()).isEmpty();
        send(ticket.routed(Action.RESUMED, TicketState.DISPATCHED));
        var resumed = clock(ticket, ClockKind.REPORT_IN, "roads-bureau", 1);
        assertThat(resumed.dueAt()).isEqualTo(START.plus(Duration.ofMinutes(40)));
        assertThat(resumed.remaining(clock.instant())).contains(Duration.ofMinutes(6));

        advance(Duration.ofMinutes(3));
        assertThat(fired()).isEmpty();
        advance(Duration.ofMinutes(1));
        assertThat(single(fired()).kind()).isEqualTo(Kind.WARNING);
        advance(Duration.ofMinutes(2));
        assertThat(single(fired()).kind()).isEqualTo(Kind.ESCALATION);
    }

    @Test
    void anApprovedExtensionShiftsTheDueTimeOfThatUnitsClock() {
        var ticket = pothole();
        send(ticket.summoned("roads-bureau", "property-co"));
        advance(Duration.ofMinutes(1));
        send(ticket.extended(ClockKind.REPORT_IN, "roads-bureau", Duration.ofMinutes(5), TicketState.DISPATCHED));

        advance(Duration.ofMinutes(9));
        assertThat(fired())
                .filteredOn(event -> event.kind() == Kind.ESCALATION)
                .extracting(WhistleEscalated::unitId)
                .containsExactly("property-co");
        advance(Duration.ofMinutes(5));
        var late = single(fired());
        assertThat(late.unitId()).isEqualTo("roads-bureau");
        assertThat(late.kind()).isEqualTo(Kind.ESCALATION);
        assertThat(late.dueAt()).isEqualTo(START.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aUnitsApprovedResolveExtensionMovesTheTicketsResolveClockAndNamesWhoApprovedIt() {
        var ticket = pothole();
        send(ticket.summoned("roads-bureau"));
        send(ticket.reported("roads-bureau", Report.REPORTED_IN, TaskState.REPORTED_IN, TicketState.IN_PROGRESS));
        advance(Duration.ofMinutes(30));
        send(ticket.extended(ClockKind.RESOLVE, "roads-bureau", Duration.ofMinutes(60), TicketState.IN_PROGRESS));

        var resolve = clock(ticket, ClockKind.RESOLVE, null, 1);
        assertThat(resolve.dueAt()).isEqualTo(START.plus(Duration.ofMinutes(180)));
        assertThat(resolve.extended()).isEqualTo(Duration.ofMinutes(60));
        assertThat(resolve.extensions()).singleElement().satisfies(extension -> {
            assertThat(extension.extraTime()).isEqualTo(Duration.ofMinutes(60));
            assertThat(extension.unitId()).isEqualTo("roads-bureau");
            assertThat(extension.approvedBy()).isEqualTo("dispatcher-1");
            assertThat(extension.approvedByUnit()).isEqualTo(Tickets.CENTRE);
            assertThat(extension.approvedAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
        });
        advance(Duration.ofMinutes(100));
        assertThat(escalations(fired()))
                .as("the old resolve deadline (120 min) has passed without escalating resolve")
                .noneMatch(event -> event.clock() == ClockKind.RESOLVE);
        advance(Duration.ofMinutes(50));
        assertThat(escalations(fired()))
                .filteredOn(event -> event.clock() == ClockKind.RESOLVE)
                .singleElement()
                .satisfies(event -> assertThat(event.dueAt()).isEqualTo(START.plus(Duration.ofMinutes(180))));
    }

    // ---- escalation chain -----------------------------------------------------------------------------------------

    @Test
    void anUnansweredSummonsClimbsStreetDistrictCityAndEndsOnTheRedList() {
        var ticket = pothole();
        send(ticket.summoned("roads-bureau"));
        advance(Duration.ofMinutes(8));
        advance(Duration.ofMinutes(2));
        var street = escalations(fired());
        assertThat(street).extracting(WhistleEscalated::fromLevel).containsExactly(CommandLevel.STREET);
        assertThat(street.getFirst().toLevel()).isEqualTo(CommandLevel.DISTRICT);

        send(ticket.levelRaised(CommandLevel.DISTRICT));
        var atDistrict = clock(ticket, ClockKind.REPORT_IN, "roads-bureau", 2);
        assertThat(atDistrict.dueAt())
                .as("the district's policy gives 20 min")
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(20)));
        advance(Duration.ofMinutes(16));
        advance(Duration.ofMinutes(4));
        var district = escalations(fired());
        assertThat(district).hasSize(1);
        assertThat(district.getFirst().clockId()).isEqualTo(ticket.id() + ":REPORT_IN:roads-bureau:2");
        assertThat(district.getFirst().fromLevel()).isEqualTo(CommandLevel.DISTRICT);
        assertThat(district.getFirst().toLevel()).isEqualTo(CommandLevel.CITY);
        assertThat(district.getFirst().redList()).isFalse();

        send(ticket.levelRaised(CommandLevel.CITY));
        advance(Duration.ofMinutes(8));
        advance(Duration.ofMinutes(2));
        var city = escalations(fired());
        assertThat(city).hasSize(1);
        assertThat(city.getFirst().clockId()).isEqualTo(ticket.id() + ":REPORT_IN:roads-bureau:3");
        assertThat(city.getFirst().fromLevel()).isEqualTo(CommandLevel.CITY);
        assertThat(city.getFirst().toLevel()).isNull();
        assertThat(city.getFirst().redList()).isTrue();
        assertThat(city.getFirst().unitId()).isEqualTo("roads-bureau");

        advance(Duration.ofDays(1));
        assertThat(fired())
                .as("an expired clock at the city fires no more")
                .noneMatch(event -> event.clock() == ClockKind.REPORT_IN);
        assertThat(clock(ticket, ClockKind.REPORT_IN, "roads-bureau", 3).state())
                .isEqualTo(ClockState.EXPIRED);
    }

    @Test
    void aPolicyEscalatingToTheCitySkipsTheDistrict() {
        var ticket = new Tickets(clock, Tickets.FIRE_HAZARD);
        send(ticket.summoned("fire-brigade"));

        advance(Duration.ofMinutes(8));
        advance(Duration.ofMinutes(2));

        var escalation = escalations(fired()).getFirst();
        assertThat(escalation.fromLevel()).isEqualTo(CommandLevel.STREET);
        assertThat(escalation.toLevel()).isEqualTo(CommandLevel.CITY);
    }

    // ---- revisions and duplicates ---------------------------------------------------------------------------------

    @Test
    void ignoresAStaleRevisionFromTheSameProducer() {
        var ticket = pothole();
        send(ticket.summoned("roads-bureau"));
        send(ticket.reported("roads-bureau", Report.REPORTED_IN, TaskState.REPORTED_IN, TicketState.IN_PROGRESS));
        ticket.rewindDispatchRevision(2);
        send(ticket.summoned("roads-bureau"));

        advance(Duration.ofMinutes(8));
        advance(Duration.ofMinutes(2));

        assertThat(fired()).noneMatch(event -> event.clock() == ClockKind.REPORT_IN);
        assertThat(sheet(ticket).clocks())
                .filteredOn(clock -> clock.kind() == ClockKind.REPORT_IN)
                .hasSize(1);
    }

    @Test
    void generatedHistoryStartsNoClock() {
        var ticket = pothole();
        send(ticket.raised().asHistory());
        send(ticket.summoned("roads-bureau").asHistory());

        advance(Duration.ofHours(5));

        assertThat(fired()).isEmpty();
        assertThat(sheet(ticket)).isNull();
    }

    @Test
    void aRepeatedDeliveryChangesNothing() {
        var ticket = pothole();
        var summons = ticket.summoned("roads-bureau");
        send(summons);
        advance(Duration.ofMinutes(8));
        send(summons);
        send(summons);
        advance(Duration.ofMinutes(2));

        assertThat(fired()).extracting(WhistleEscalated::kind).containsExactly(Kind.WARNING, Kind.ESCALATION);
        assertThat(sheet(ticket).clocks())
                .filteredOn(c -> c.kind() == ClockKind.REPORT_IN)
                .hasSize(1);
    }

    // ---- policy, time scale, defaults, poison ---------------------------------------------------------------------

    @Test
    void theTimeScaleCompressesPolicyMinutesIntoSeconds() {
        driver.close();
        start(60);
        var ticket = pothole();
        send(ticket.summoned("roads-bureau"));

        advance(Duration.ofSeconds(7));
        assertThat(fired()).isEmpty();
        advance(Duration.ofSeconds(1));
        assertThat(single(fired()).kind()).isEqualTo(Kind.WARNING);
        advance(Duration.ofSeconds(2));
        var escalation = single(fired());
        assertThat(escalation.kind()).isEqualTo(Kind.ESCALATION);
        assertThat(escalation.dueAt()).isEqualTo(START.plus(Duration.ofSeconds(10)));
    }

    @Test
    void withoutAPolicyTheDesignDefaultsRun() {
        var ticket = new Tickets(clock, Tickets.UNKNOWN_CATEGORY);
        send(ticket.raised());

        var file = clock(ticket, ClockKind.FILE, null, 1);
        assertThat(file.policy()).isEqualTo("design-defaults");
        assertThat(file.dueAt()).isEqualTo(START.plus(Duration.ofHours(2)));
    }

    @Test
    void sendsWhatItCannotReadToTheDeadLetterTopicWithTheReason() {
        inputs.get(Topics.WHISTLE_ROUTED).pipeInput("some-key", "not json".getBytes(StandardCharsets.UTF_8));

        var dead = driver.createOutputTopic(
                        Topics.deadLetterOf(Topics.WHISTLE_ROUTED),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())
                .readRecord();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
        assertThat(dead.headers().lastHeader(ClockProcessor.REASON_HEADER)).isNotNull();
    }

    @Test
    void forgetsAClosedTicketAfterTheRetention() {
        var ticket = pothole();
        send(ticket.raised());
        send(ticket.closed(WhistleClosed.Outcome.REJECTED));
        assertThat(sheet(ticket)).isNotNull();

        advance(Duration.ofDays(7));

        assertThat(sheet(ticket)).isNull();
        assertThat(driver.<String, String>getKeyValueStore(ClockStores.DUE).approximateNumEntries())
                .isZero();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private Tickets pothole() {
        return new Tickets(clock, Tickets.POTHOLE);
    }

    private void send(EventEnvelope<?> envelope) {
        inputs.get(envelope.topic())
                .pipeInput(envelope.key(), EventCodec.instance().encode(envelope), clock.instant());
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

    private static List<WhistleEscalated> escalations(List<WhistleEscalated> fired) {
        return fired.stream().filter(event -> event.kind() == Kind.ESCALATION).toList();
    }

    private static WhistleEscalated single(List<WhistleEscalated> fired) {
        assertThat(fired).hasSize(1);
        return fired.getFirst();
    }

    private TicketClocks sheet(Tickets ticket) {
        return driver.<String, TicketClocks>getKeyValueStore(ClockStores.SHEETS).get(ticket.id());
    }

    private TicketClock clock(Tickets ticket, ClockKind kind, String unit, int instance) {
        var id = TicketClock.idOf(ticket.id(), kind, unit, instance);
        return sheet(ticket).clocks().stream()
                .filter(clock -> clock.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no clock " + id + " in "
                        + sheet(ticket).clocks().stream().map(TicketClock::id).toList()));
    }
}
