package org.whistle.evaluation;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.whistle.events.Actor;
import org.whistle.events.CategoryChanged;
import org.whistle.events.Channel;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.DeadlinePolicyChanged;
import org.whistle.events.EventData;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Location;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.Rating;
import org.whistle.events.Reporter;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.Topics;
import org.whistle.events.TraceIds;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.TestEvents;
import org.whistle.testing.TestInfrastructure;
import org.whistle.testing.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one application context of the service tests (real Kafka and PostgreSQL), with a small organisation — city C,
 * district D (centre CC-D), streets S1 and S2 (centres CC-S1, CC-S2), communities K1 (in S1) and K2 (in S2), grids G1
 * (in K1) and G2 (in K2), departments DEP-WATER and DEP-ROAD — and helpers to publish a case's events and to call
 * the API with real tokens. Each test uses its own dates (a day of its own in {@link #day}), so the tests share the
 * database without seeing each other's cases.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
public abstract class EvaluationServiceTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    protected static final String WATER = "DEP-WATER";
    protected static final String ROAD = "DEP-ROAD";
    protected static final String STREET_CENTRE = "CC-S1";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static boolean organised;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private OrgReferenceCopy reference;

    @BeforeEach
    void organisationIsKnownAndTheListenerAssigned() {
        synchronized (EvaluationServiceTest.class) {
            if (!organised) {
                try (var admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers()))) {
                    Topics.ensureCreated(admin, (short) 1);
                }
                node("C", "CITY", "齐齐哈尔市", null, List.of(), CommandLevel.CITY, null);
                node("D", "DISTRICT", "龙沙区", "C", List.of("C"), CommandLevel.DISTRICT, null);
                node("S1", "STREET", "五龙街道", "D", List.of("C", "D"), CommandLevel.STREET, null);
                node("S2", "STREET", "湖滨街道", "D", List.of("C", "D"), CommandLevel.STREET, null);
                node("K1", "COMMUNITY", "繁荣社区", "S1", List.of("C", "D", "S1"), null, null);
                node("K2", "COMMUNITY", "府前社区", "S2", List.of("C", "D", "S2"), null, null);
                node("G1", "GRID", "繁荣社区第一网格", "K1", List.of("C", "D", "S1", "K1"), null, null);
                node("G2", "GRID", "府前社区第一网格", "K2", List.of("C", "D", "S2", "K2"), null, null);
                node("CC-D", "COMMAND_CENTRE", "龙沙区指挥中心", "D", List.of("C", "D"), CommandLevel.DISTRICT, "D");
                node(
                        STREET_CENTRE,
                        "COMMAND_CENTRE",
                        "五龙街道指挥中心",
                        "S1",
                        List.of("C", "D", "S1"),
                        CommandLevel.STREET,
                        "S1");
                node("CC-S2", "COMMAND_CENTRE", "湖滨街道指挥中心", "S2", List.of("C", "D", "S2"), CommandLevel.STREET, "S2");
                node(WATER, "DEPARTMENT", "区水务局", "D", List.of("C", "D"), CommandLevel.DISTRICT, "D");
                node(ROAD, "DEPARTMENT", "区市政局", "D", List.of("C", "D"), CommandLevel.DISTRICT, "D");
                publish(envelope(new CategoryChanged("ROAD", "道路破损", null, null, "GENERAL", Urgency.NORMAL, true), 1));
                // The durations that place a case whose clock stopped before any warning (its due time estimated).
                publish(envelope(
                        new DeadlinePolicyChanged(
                                "P-ROAD",
                                "ROAD",
                                Urgency.NORMAL,
                                null,
                                Map.of(
                                        ClockKind.FILE, Duration.ofHours(2),
                                        ClockKind.REPORT_IN, Duration.ofMinutes(30),
                                        ClockKind.RESOLVE, Duration.ofDays(7)),
                                0.8,
                                null,
                                true,
                                DeadlinePolicyChanged.Escalation.NEXT_LEVEL,
                                List.of()),
                        1));
                organised = true;
            }
        }
        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("SELECT count(*) FROM org_unit")
                                .query(Long.class)
                                .single()
                        >= 13);
        await().atMost(PATIENCE)
                .until(() -> reference
                        .deadlinePolicy("ROAD", Urgency.NORMAL, CommandLevel.STREET)
                        .isPresent());
        await().atMost(PATIENCE)
                .until(() -> listeners.getListenerContainers().stream()
                        .allMatch(container -> container.getAssignedPartitions() != null
                                && !container.getAssignedPartitions().isEmpty()));
    }

    // ---- publishing ---------------------------------------------------------------------------------------------

    protected static void publish(EventEnvelope<?> envelope) {
        TestEvents.publish(envelope);
    }

    protected static <T extends EventData> EventEnvelope<T> envelope(T data, long revision) {
        return EventEnvelope.wrap(data, revision, "test", TraceIds.newTraceId(), java.time.Clock.systemUTC());
    }

    protected void node(
            String code,
            String kind,
            String name,
            @Nullable String parent,
            List<String> ancestry,
            @Nullable CommandLevel level,
            @Nullable String area) {
        publish(envelope(
                new OrgUnitChanged(
                        code,
                        code,
                        name,
                        kind,
                        parent,
                        ancestry,
                        level,
                        true,
                        LocalDate.of(2024, 1, 1),
                        null,
                        area,
                        null),
                1));
    }

    // ---- one case -----------------------------------------------------------------------------------------------

    /** A day of its own for a test, far from every other test's, as an instant at 09:00 Asia/Shanghai. */
    protected static Instant day(LocalDate date) {
        return date.atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
    }

    /** Builds the events of one case in the order they happened; {@link #events()} gives them to publish. */
    protected static final class Case {
        final WhistleId whistle = WhistleId.newId();
        final TicketId ticket = TicketId.newId();
        final String number;
        final String grid;
        final String street;
        final String centre;
        private final List<EventEnvelope<?>> events = new ArrayList<>();
        private final List<WhistleRouted.Summons> summons = new ArrayList<>();
        private long revision;

        Case(String number, String grid, String street, String centre) {
            this.number = number;
            this.grid = grid;
            this.street = street;
            this.centre = centre;
        }

        public UUID id() {
            return whistle.value();
        }

        public List<EventEnvelope<?>> events() {
            return List.copyOf(events);
        }

        public Case raised(Instant at, @Nullable String reporterRole) {
            events.add(envelope(
                    new WhistleRaised(
                            whistle,
                            Channel.APP,
                            "ROAD",
                            "路面破损，行人易摔倒",
                            new Location(new org.whistle.events.GeoPoint(47.34, 123.95), "龙沙路 1 号"),
                            grid,
                            street,
                            Urgency.NORMAL,
                            new Reporter(Reporter.Kind.PHONE, null, reporterRole, "138****5678"),
                            List.of(),
                            at),
                    1));
            return this;
        }

        public Case routed(WhistleRouted.Action action, TicketState state, Instant at) {
            return routed(action, state, at, null);
        }

        public Case routed(
                WhistleRouted.Action action,
                TicketState state,
                Instant at,
                WhistleRouted.@Nullable Extension extension) {
            events.add(envelope(
                    new WhistleRouted(
                            whistle,
                            ticket,
                            number,
                            action,
                            state,
                            CommandLevel.STREET,
                            centre,
                            "ROAD",
                            Urgency.NORMAL,
                            List.copyOf(summons),
                            extension,
                            null,
                            new Actor("dispatcher-1", centre, "STREET_DISPATCHER"),
                            at),
                    ++revision));
            return this;
        }

        public Case filed(Instant at) {
            return routed(WhistleRouted.Action.FILED, TicketState.FILED, at);
        }

        public Case summoned(Instant at, String unit) {
            summons.add(new WhistleRouted.Summons(unit, summons.isEmpty(), TaskState.SUMMONED));
            return routed(WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED, at);
        }

        /** A routing that no longer lists the unit: its summons is withdrawn. */
        public Case withdrawn(Instant at, String unit) {
            summons.removeIf(s -> s.unitId().equals(unit));
            return routed(WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED, at);
        }

        public Case reported(Instant at, String unit, WhistleReported.Report report) {
            boolean lead = summons.stream().anyMatch(s -> s.unitId().equals(unit) && s.lead());
            var taskState = switch (report) {
                case DONE -> TaskState.DONE;
                case DECLINED -> TaskState.DECLINED;
                case ON_SITE -> TaskState.ON_SITE;
                default -> TaskState.REPORTED_IN;
            };
            var ticketState =
                    report == WhistleReported.Report.DONE && lead ? TicketState.RESOLVED : TicketState.IN_PROGRESS;
            events.add(envelope(
                    new WhistleReported(
                            whistle,
                            ticket,
                            unit,
                            report,
                            taskState,
                            lead,
                            ticketState,
                            "已处理",
                            List.of(),
                            new Actor("officer-1", unit, "DEPARTMENT_OFFICER"),
                            at),
                    ++revision));
            return this;
        }

        public Case clock(
                WhistleEscalated.Kind kind, ClockKind clock, @Nullable String unit, Instant due, Instant fired) {
            events.add(envelope(
                    new WhistleEscalated(
                            whistle,
                            ticket,
                            kind,
                            clock,
                            // as sla-service names them: only a report-in clock is a unit's own
                            whistle.value() + ":" + clock + ":" + (clock == ClockKind.REPORT_IN ? unit : "-") + ":1",
                            unit,
                            CommandLevel.STREET,
                            kind == WhistleEscalated.Kind.ESCALATION ? CommandLevel.DISTRICT : null,
                            false,
                            due.minus(Duration.ofDays(1)),
                            due,
                            fired),
                    1));
            return this;
        }

        public Case closed(Instant at, WhistleClosed.Outcome outcome) {
            events.add(envelope(
                    new WhistleClosed(
                            whistle,
                            ticket,
                            outcome,
                            null,
                            null,
                            new Actor("dispatcher-1", centre, "STREET_DISPATCHER"),
                            at),
                    ++revision));
            return this;
        }

        public Case feedback(Instant at, Rating rating, boolean resolved, @Nullable Actor recordedBy) {
            events.add(envelope(new WhistleFeedback(whistle, ticket, rating, resolved, null, at, recordedBy), 1));
            return this;
        }
    }

    protected static Case newCase(String number) {
        return new Case(number, "G1", "S1", STREET_CENTRE);
    }

    protected static Case newCaseInS2(String number) {
        return new Case(number, "G2", "S2", "CC-S2");
    }

    /** Publishes every event of the cases and waits until each case has folded all of them. */
    protected void publishAll(Case... cases) {
        for (var c : cases) {
            c.events().forEach(EvaluationServiceTest::publish);
        }
        for (var c : cases) {
            awaitFolded(c, c.events().size());
        }
    }

    protected void awaitFolded(Case c, int facts) {
        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("SELECT coalesce(max(facts), 0) FROM eval_case WHERE whistle_id = :id")
                                .param("id", c.id())
                                .query(Integer.class)
                                .single()
                        == facts);
    }

    // ---- calling the API ----------------------------------------------------------------------------------------

    protected static String token(String subject, List<String> roles, List<String> scope, @Nullable String unit) {
        return TestIssuer.get().token(subject, roles, scope, unit);
    }

    protected static String administrator() {
        return token("admin-1", List.of("ADMINISTRATOR"), List.of("C"), null);
    }

    protected HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> send(String method, String path, String token, @Nullable String json)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }
}
