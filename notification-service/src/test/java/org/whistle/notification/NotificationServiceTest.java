package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.whistle.events.Actor;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventCodec;
import org.whistle.events.EventData;
import org.whistle.events.EventEnvelope;
import org.whistle.events.EventIds;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.Reporter;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.Topics;
import org.whistle.events.TraceIds;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
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
 * district D (centre CC-D), streets S1 and S2 (centres CC-S1, CC-S2), grid G1 in S1, department DEP-WATER — and
 * helpers to publish events and call the API with real tokens.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
public abstract class NotificationServiceTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(20);
    protected static final String DEPARTMENT = "DEP-WATER";
    protected static final String STREET_CENTRE = "CC-S1";
    protected static final String OTHER_STREET_CENTRE = "CC-S2";
    protected static final String DISTRICT_CENTRE = "CC-D";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static boolean organised;

    /** Intake as this service sees it: a client-credentials token and each whistle's contact with its code. */
    protected static final IntakeStub INTAKE = IntakeStub.start();

    @DynamicPropertySource
    static void intake(DynamicPropertyRegistry properties) {
        properties.add("whistle.notification.intake-uri", INTAKE::uri);
        properties.add("whistle.notification.client.token-uri", () -> INTAKE.uri() + "/oauth2/token");
        properties.add("whistle.notification.client.client-secret", () -> "stub-secret");
    }

    /** Answers {@code /oauth2/token} and {@code /internal/whistles/{id}/contact} like intake and org-registry do. */
    protected static final class IntakeStub {

        final Map<UUID, String> codes = new java.util.concurrent.ConcurrentHashMap<>();
        private final com.sun.net.httpserver.HttpServer server;

        private IntakeStub(com.sun.net.httpserver.HttpServer server) {
            this.server = server;
        }

        static IntakeStub start() {
            try {
                var server =
                        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
                var stub = new IntakeStub(server);
                server.createContext("/oauth2/token", exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    answer(exchange, 200, "{\"access_token\":\"stub\",\"expires_in\":3600}");
                });
                server.createContext("/internal/whistles/", exchange -> {
                    var path = exchange.getRequestURI().getPath();
                    var id = UUID.fromString(path.split("/")[3]);
                    var code = stub.codes.get(id);
                    if (code == null) {
                        answer(exchange, 404, "");
                    } else {
                        answer(
                                exchange,
                                200,
                                "{\"phone\":\"13812345678\",\"wechatOpenId\":null,\"trackingCode\":\"" + code + "\"}");
                    }
                });
                server.start();
                return stub;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
                throws IOException {
            var bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private OrgReferenceCopy org;

    protected final Clock clock = Clock.systemUTC();

    @BeforeEach
    void organisationIsKnownAndTheListenerAssigned() {
        synchronized (NotificationServiceTest.class) {
            if (!organised) {
                try (var admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers()))) {
                    Topics.ensureCreated(admin, (short) 1);
                }
                node("C", "CITY", null, List.of(), CommandLevel.CITY, null);
                node("D", "DISTRICT", "C", List.of("C"), CommandLevel.DISTRICT, null);
                node("S1", "STREET", "D", List.of("C", "D"), CommandLevel.STREET, null);
                node("S2", "STREET", "D", List.of("C", "D"), CommandLevel.STREET, null);
                node("G1", "GRID", "S1", List.of("C", "D", "S1"), null, null);
                node(DISTRICT_CENTRE, "COMMAND_CENTRE", "D", List.of("C", "D"), CommandLevel.DISTRICT, "D");
                node(STREET_CENTRE, "COMMAND_CENTRE", "S1", List.of("C", "D", "S1"), CommandLevel.STREET, "S1");
                node(OTHER_STREET_CENTRE, "COMMAND_CENTRE", "S2", List.of("C", "D", "S2"), CommandLevel.STREET, "S2");
                node(DEPARTMENT, "DEPARTMENT", "D", List.of("C", "D"), CommandLevel.DISTRICT, "D");
                organised = true;
            }
        }
        await().atMost(PATIENCE)
                .until(() -> org.unit(DEPARTMENT).isPresent()
                        && org.commandCentre("G1", CommandLevel.STREET).isPresent());
        await().atMost(PATIENCE)
                .until(() -> listeners.getListenerContainers().stream()
                        .allMatch(container -> container.getAssignedPartitions() != null
                                && !container.getAssignedPartitions().isEmpty()));
    }

    // ---- publishing ---------------------------------------------------------------------------------------------

    protected static void publish(EventEnvelope<?> envelope) {
        TestEvents.publish(envelope);
    }

    protected <T extends EventData> EventEnvelope<T> envelope(T data) {
        return EventEnvelope.wrap(data, 1, "test", TraceIds.newTraceId(), clock);
    }

    private void node(
            String code,
            String kind,
            @Nullable String parent,
            List<String> ancestry,
            @Nullable CommandLevel level,
            @Nullable String area) {
        publish(envelope(new OrgUnitChanged(
                code,
                code,
                code + " name",
                kind,
                parent,
                ancestry,
                level,
                true,
                LocalDate.of(2024, 1, 1),
                null,
                area,
                null)));
    }

    // ---- events about one whistle -------------------------------------------------------------------------------

    /** A whistle and its ticket, with the reporter it was raised by. */
    protected record Whistle(WhistleId id, TicketId ticket, String trackingCode) {

        static Whistle next() {
            var id = WhistleId.newId();
            return new Whistle(id, TicketId.newId(), "W" + id.value().toString().substring(0, 8));
        }
    }

    /**
     * Raises a whistle. The event is built through the contract's tolerant reader and still carries the tracking code
     * as version 1 did, so the tests prove this service keeps none of it whichever version of the events module it
     * is built with; intake's stub below knows the code, as intake does.
     */
    protected Whistle raise(Reporter reporter) {
        return raise(reporter, "WEB");
    }

    /** Raises a whistle that came through {@code channel} (WEB, WECHAT …). */
    @SuppressWarnings("unchecked")
    protected Whistle raise(Reporter reporter, String channel) {
        var whistle = Whistle.next();
        INTAKE.codes.put(whistle.id().value(), whistle.trackingCode());
        var data = new java.util.LinkedHashMap<String, Object>();
        data.put("whistleId", whistle.id().toString());
        data.put("trackingCode", whistle.trackingCode());
        data.put("channel", channel);
        data.put("categoryCode", "ROAD");
        data.put("description", "路面塌陷");
        data.put("location", Map.of("point", Map.of("lat", 47.34, "lng", 123.95), "address", "龙沙路 1 号"));
        data.put("gridId", "G1");
        data.put("streetId", "S1");
        data.put("urgency", "NORMAL");
        var who = new java.util.LinkedHashMap<String, Object>();
        who.put("kind", reporter.kind().name());
        if (reporter.userId() != null) {
            who.put("userId", reporter.userId());
        }
        if (reporter.role() != null) {
            who.put("role", reporter.role());
        }
        if (reporter.maskedPhone() != null) {
            who.put("maskedPhone", reporter.maskedPhone());
        }
        data.put("reporter", who);
        data.put("evidence", List.of());
        data.put("raisedAt", clock.instant().toString());
        var envelope = new java.util.LinkedHashMap<String, Object>();
        envelope.put("id", EventIds.next().toString());
        envelope.put("type", "whistle-raised");
        envelope.put("version", 1);
        envelope.put("occurredAt", clock.instant().toString());
        envelope.put("whistleId", whistle.id().toString());
        envelope.put("revision", 1);
        envelope.put("producer", "test");
        envelope.put("traceId", TraceIds.newTraceId());
        envelope.put("data", data);
        publish((EventEnvelope<WhistleRaised>)
                EventCodec.instance().decode(JsonMapper.shared().writeValueAsString(envelope)));
        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("SELECT count(*) FROM whistle_context WHERE whistle_id = :id")
                                .param("id", whistle.id().value())
                                .query(Long.class)
                                .single()
                        == 1);
        return whistle;
    }

    protected static Reporter userReporter(String subject) {
        return new Reporter(Reporter.Kind.USER, subject, "RESIDENT", null);
    }

    protected static Reporter phoneReporter() {
        return new Reporter(Reporter.Kind.PHONE, null, null, "138****5678");
    }

    protected EventEnvelope<WhistleRouted> routed(Whistle whistle, WhistleRouted.Action action, TicketState state) {
        var summons = action == WhistleRouted.Action.SUMMONED ? List.of(DEPARTMENT) : List.<String>of();
        return routed(whistle, action, state, summons, "ROAD");
    }

    /**
     * A routing event built through the contract's tolerant reader rather than the record's constructor, so the
     * tests compile against any version of the events module that only added fields; {@code deadlines} is given
     * for versions that carry it and ignored by those that do not.
     */
    @SuppressWarnings("unchecked")
    protected EventEnvelope<WhistleRouted> routed(
            Whistle whistle, WhistleRouted.Action action, TicketState state, List<String> summoned, String category) {
        var data = new java.util.LinkedHashMap<String, Object>();
        data.put("whistleId", whistle.id().toString());
        data.put("ticketId", whistle.ticket().toString());
        data.put("ticketNumber", "T-" + whistle.id().value().toString().substring(24));
        data.put("action", action.name());
        data.put("state", state.name());
        data.put("level", "STREET");
        data.put("owningCentreId", STREET_CENTRE);
        data.put("categoryCode", category);
        data.put("priority", "NORMAL");
        data.put(
                "summons",
                summoned.stream()
                        .map(unit -> Map.of("unitId", unit, "lead", true, "state", "SUMMONED"))
                        .toList());
        data.put("actor", Map.of("userId", "dispatcher-1", "orgUnitId", STREET_CENTRE, "role", "STREET_DISPATCHER"));
        data.put("at", clock.instant().toString());
        data.put("deadlines", Map.of());
        var envelope = new java.util.LinkedHashMap<String, Object>();
        envelope.put("id", EventIds.next().toString());
        envelope.put("type", "whistle-routed");
        envelope.put("version", 1);
        envelope.put("occurredAt", clock.instant().toString());
        envelope.put("whistleId", whistle.id().toString());
        envelope.put("revision", 1);
        envelope.put("producer", "test");
        envelope.put("traceId", TraceIds.newTraceId());
        envelope.put("data", data);
        return (EventEnvelope<WhistleRouted>)
                EventCodec.instance().decode(JsonMapper.shared().writeValueAsString(envelope));
    }

    protected EventEnvelope<WhistleReported> reported(Whistle whistle, WhistleReported.Report report, boolean lead) {
        var ticketState =
                report == WhistleReported.Report.DONE && lead ? TicketState.RESOLVED : TicketState.IN_PROGRESS;
        var taskState = switch (report) {
            case DONE -> TaskState.DONE;
            case DECLINED -> TaskState.DECLINED;
            default -> TaskState.REPORTED_IN;
        };
        return envelope(new WhistleReported(
                whistle.id(),
                whistle.ticket(),
                DEPARTMENT,
                report,
                taskState,
                lead,
                ticketState,
                "备注",
                List.of(),
                new Actor("officer-1", DEPARTMENT, "DEPARTMENT_OFFICER"),
                clock.instant()));
    }

    protected EventEnvelope<WhistleEscalated> escalated(Whistle whistle, boolean redList) {
        var now = clock.instant();
        return envelope(new WhistleEscalated(
                whistle.id(),
                whistle.ticket(),
                WhistleEscalated.Kind.ESCALATION,
                ClockKind.REPORT_IN,
                UUID.randomUUID().toString(),
                DEPARTMENT,
                CommandLevel.STREET,
                CommandLevel.DISTRICT,
                redList,
                now.minus(Duration.ofHours(2)),
                now.minusSeconds(1),
                now));
    }

    protected EventEnvelope<WhistleClosed> closed(Whistle whistle) {
        return envelope(new WhistleClosed(
                whistle.id(),
                whistle.ticket(),
                WhistleClosed.Outcome.RESOLVED,
                null,
                null,
                new Actor("dispatcher-1", STREET_CENTRE, "STREET_DISPATCHER"),
                clock.instant()));
    }

    // ---- the delivery log ---------------------------------------------------------------------------------------

    /** A delivery row as the tests look at it. */
    protected record Row(
            String recipient, String channel, String status, boolean leader, String urgency, String body) {}

    protected List<Row> deliveries(EventEnvelope<?> event) {
        return jdbc.sql("SELECT * FROM delivery WHERE event_id = :id ORDER BY id")
                .param("id", event.id())
                .query((rs, row) -> new Row(
                        rs.getString("recipient"),
                        rs.getString("channel"),
                        rs.getString("status"),
                        rs.getBoolean("leader"),
                        rs.getString("urgency"),
                        rs.getString("body")))
                .list();
    }

    /** Waits until the event's deliveries are planned and none is still on its way. */
    protected List<Row> settledDeliveries(EventEnvelope<?> event) {
        await().atMost(PATIENCE).until(() -> {
            var rows = deliveries(event);
            return !rows.isEmpty()
                    && rows.stream()
                            .noneMatch(row -> row.status().equals("PENDING")
                                    || row.status().equals("SENDING"));
        });
        return deliveries(event);
    }

    protected boolean handled(EventEnvelope<?> event) {
        return jdbc.sql("SELECT count(*) FROM messaging.handled_event WHERE event_id = :id")
                        .param("id", event.id())
                        .query(Long.class)
                        .single()
                > 0;
    }

    // ---- live streams -------------------------------------------------------------------------------------------

    /**
     * Opens a live stream as EventSource does (the token in the query) and collects what it hears; returns once the
     * stream is registered (its {@code connected} line came), so what is published next reaches it.
     */
    protected Listening listen(String path, String token) {
        return listenWithoutToken(path + "?access_token=" + token);
    }

    /** A stream that needs no token (an anonymous reporter's, with its ticket in the query). */
    protected Listening listenWithoutToken(String pathAndQuery) {
        var listening = new Listening(uri(pathAndQuery));
        await().atMost(PATIENCE).until(() -> listening.lines.stream().anyMatch(line -> line.equals("event:connected")));
        return listening;
    }

    /** An open live stream and the lines it heard. Live updates carry no delivery id: none is logged (ADR 0056). */
    protected static final class Listening implements AutoCloseable {

        private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.CompletableFuture<?> streaming;

        private Listening(URI uri) {
            var request = HttpRequest.newBuilder(uri)
                    .header("Accept", "text/event-stream")
                    .GET()
                    .build();
            streaming = HTTP.sendAsync(
                    request, HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<>() {
                        @Override
                        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                            subscription.request(Long.MAX_VALUE);
                        }

                        @Override
                        public void onNext(String line) {
                            lines.add(line);
                        }

                        @Override
                        public void onError(Throwable failure) {}

                        @Override
                        public void onComplete() {}
                    }));
        }

        /** Every notification heard so far, as its JSON. */
        public List<JsonNode> notifications() {
            return lines.stream()
                    .filter(line -> line.startsWith("data:{"))
                    .map(line -> JsonMapper.shared().readTree(line.substring("data:".length())))
                    .toList();
        }

        /** The notifications heard about this event. */
        public List<JsonNode> about(EventEnvelope<?> event) {
            return notifications().stream()
                    .filter(n -> n.path("eventId").asString().equals(event.id().toString()))
                    .toList();
        }

        /** Waits until the stream heard of the event, and answers what it heard about it. */
        public List<JsonNode> awaitAbout(EventEnvelope<?> event) {
            await().atMost(PATIENCE).until(() -> !about(event).isEmpty());
            return about(event);
        }

        /**
         * Waits for two more heartbeats: whatever was pushed to this stream before this call has been read by then, as
         * a stream carries its lines in order (pushes and heartbeats run on threads of their own).
         */
        public void awaitTwoHeartbeats() {
            long before = heartbeats();
            await().atMost(PATIENCE).until(() -> heartbeats() >= before + 2);
        }

        private long heartbeats() {
            return lines.stream().filter(line -> line.equals(":heartbeat")).count();
        }

        /** Waits until the stream heard of an event of this type about the whistle, and answers what it heard. */
        public List<JsonNode> awaitAbout(Whistle whistle, String eventType) {
            java.util.function.Supplier<List<JsonNode>> heard = () -> notifications().stream()
                    .filter(n ->
                            n.path("whistleId").asString().equals(whistle.id().toString())
                                    && n.path("eventType").asString().equals(eventType))
                    .toList();
            await().atMost(PATIENCE).until(() -> !heard.get().isEmpty());
            return heard.get();
        }

        @Override
        public void close() {
            streaming.cancel(true);
        }
    }

    // ---- the API ------------------------------------------------------------------------------------------------

    protected static String token(String subject, List<String> roles, List<String> scope, @Nullable String unit) {
        return TestIssuer.get().token(subject, roles, scope, unit);
    }

    protected static String administrator() {
        return token("admin-1", List.of("ADMINISTRATOR"), List.of("C"), null);
    }

    protected HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> post(String path, String token, String json)
            throws IOException, InterruptedException {
        return HTTP.send(
                request(path, token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
    }

    protected static Instant now() {
        return Instant.now();
    }

    protected static void assertStatus(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }
}
