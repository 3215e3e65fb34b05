package org.whistle.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.TraceIds;
import org.whistle.sla.clocks.TestCalendars;
import org.whistle.sla.clocks.Tickets;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.TestInfrastructure;
import org.whistle.testing.TestIssuer;
import org.whistle.testing.service.AnswersOddValues;
import org.whistle.testing.service.DocumentsItsApi;
import org.whistle.testing.service.ServiceContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "whistle.sla.application-id=sla-service-test",
            "whistle.sla.state-dir=${java.io.tmpdir}/whistle-sla-service-test-${random.uuid}",
            "whistle.sla.punctuation-interval=200ms",
            "whistle.sla.streams.commit.interval.ms=100"
        })
@RealInfrastructure(database = false)
class SlaServiceApplicationTest extends ServiceContract implements DocumentsItsApi, AnswersOddValues {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    /** The city, a street and the street's command centre, which owns the test tickets ({@code Tickets.CENTRE}). */
    @BeforeEach
    void publishTheStreetAndItsCentre() {
        var from = java.time.LocalDate.of(2024, 1, 1);
        for (var unit : List.of(
                new OrgUnitChanged("city", "city", "市", "CITY", null, List.of(), null, true, from, null, null, null),
                new OrgUnitChanged(
                        "street-1",
                        "street-1",
                        "街道",
                        "STREET",
                        "city",
                        List.of("city"),
                        null,
                        true,
                        from,
                        null,
                        null,
                        null),
                new OrgUnitChanged(
                        Tickets.CENTRE,
                        Tickets.CENTRE,
                        "街道指挥中心",
                        "COMMAND_CENTRE",
                        null,
                        List.of("city", "street-1"),
                        CommandLevel.STREET,
                        true,
                        from,
                        null,
                        "street-1",
                        null))) {
            publish(EventEnvelope.wrap(unit, 1, "test", TraceIds.newTraceId(), Clock.systemUTC()));
        }
    }

    @BeforeEach
    void awaitReady() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/actuator/health/readiness").statusCode() == 200);
        // Ready includes the first rebalances; until the stores are queryable the API says 503 with Retry-After.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> call("/api/sla/tickets/" + java.util.UUID.randomUUID(), token("LEADER"))
                                .statusCode()
                        != 503);
    }

    @Test
    void exportsItsKafkaStreamsMetrics() throws Exception {
        // Spring Kafka runs the Streams client with Boot's Micrometer listener: the SLA's lag and throughput show.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(get("/actuator/prometheus").body().lines())
                                .anySatisfy(line -> assertThat(line)
                                        .startsWith("kafka_stream_alive_stream_threads{")
                                        .contains("client_id=\"sla-service-test-")
                                        // whistle.sla.stream-threads
                                        .endsWith(" 2.0")));
    }

    @Test
    void showsTheClocksOfAKnownTicketToADispatcherByWhistleOrTicketId() {
        var ticket = new Tickets(Clock.systemUTC(), Tickets.POTHOLE);
        publish(ticket.summoned("roads-bureau"));
        var dispatcher = token("STREET_DISPATCHER");

        var byWhistle = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> call("/api/sla/tickets/" + ticket.id(), dispatcher),
                        response -> response.statusCode() == 200);
        var clocks = json(byWhistle).path("clocks");
        assertThat(clocks.valueStream().map(clock -> clock.path("kind").asString()))
                .contains("REPORT_IN", "CONTACT_REPORTER", "RESOLVE");
        var reportIn = clocks.valueStream()
                .filter(clock -> clock.path("kind").asString().equals("REPORT_IN"))
                .findFirst()
                .orElseThrow();
        assertThat(reportIn.path("unitId").asString()).isEqualTo("roads-bureau");
        assertThat(reportIn.path("state").asString()).isEqualTo("RUNNING");
        assertThat(reportIn.path("remaining").isMissingNode()).isFalse();

        var byTicket = call("/api/sla/tickets/" + ticket.ticketId, unitToken("DEPARTMENT_OFFICER", "roads-bureau"));
        assertThat(byTicket.statusCode()).isEqualTo(200);
        assertThat(json(byTicket).path("whistleId").asString()).isEqualTo(ticket.id());

        var summary = call("/api/sla/summary?unit=roads-bureau", token("LEADER"));
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(json(summary)
                        .valueStream()
                        .mapToLong(row -> row.path("running").asLong())
                        .sum())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void anApprovedResolveExtensionOfTheLeadUnitMovesTheResolveDeadlineAndShowsWhoApprovedIt() {
        var ticket = new Tickets(Clock.systemUTC(), Tickets.POTHOLE);
        publish(ticket.summoned("roads-bureau"));
        var dispatcher = token("STREET_DISPATCHER");
        var before = resolveClock(await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> call("/api/sla/tickets/" + ticket.id(), dispatcher),
                        response -> response.statusCode() == 200 && resolveClock(response) != null));
        publish(ticket.extended(
                ClockKind.RESOLVE, "roads-bureau", Duration.ofHours(48), org.whistle.events.TicketState.DISPATCHED));

        var after = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> resolveClock(call("/api/sla/tickets/" + ticket.id(), dispatcher)),
                        clock -> clock != null
                                && !clock.path("extended").asString().equals("PT0S"));

        assertThat(after.path("extended").asString()).isEqualTo("PT48H");
        assertThat(java.time.Instant.parse(after.path("dueAt").asString()))
                .isEqualTo(
                        java.time.Instant.parse(before.path("dueAt").asString()).plus(Duration.ofHours(48)));
        var extension = after.path("extensions").get(0);
        assertThat(extension.path("extraTime").asString()).isEqualTo("PT48H");
        assertThat(extension.path("unitId").asString()).isEqualTo("roads-bureau");
        assertThat(extension.path("approvedBy").asString()).isEqualTo("dispatcher-1");
        assertThat(extension.path("approvedByUnit").asString()).isEqualTo(Tickets.CENTRE);
    }

    private static @Nullable JsonNode resolveClock(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return null;
        }
        return json(response)
                .path("clocks")
                .valueStream()
                .filter(clock -> clock.path("kind").asString().equals("RESOLVE"))
                .findFirst()
                .orElse(null);
    }

    @Test
    void showsTheFilingCountdownOfAnUnfiledWhistleToTheDispatchersOfItsStreetAndAbove() {
        var ticket = new Tickets(Clock.systemUTC(), Tickets.POTHOLE);
        publish(ticket.raised());
        var streetDispatcher = TestIssuer.get()
                .token("street-1-dispatcher", List.of("STREET_DISPATCHER"), List.of("street-1"), Tickets.CENTRE);

        var response = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> call("/api/sla/tickets/" + ticket.id(), streetDispatcher),
                        answer -> answer.statusCode() == 200);

        var file = json(response).path("clocks").get(0);
        assertThat(file.path("kind").asString()).isEqualTo("FILE");
        assertThat(file.path("state").asString()).isEqualTo("RUNNING");
        assertThat(json(response).path("ticketId").isNull()).isTrue();
        assertThat(call("/api/sla/tickets/" + ticket.id(), token("CITY_DISPATCHER"))
                        .statusCode())
                .isEqualTo(200);
        var otherStreet = TestIssuer.get()
                .token("other-street", List.of("STREET_DISPATCHER"), List.of("street-2"), "centre-street-2");
        assertThat(call("/api/sla/tickets/" + ticket.id(), otherStreet).statusCode())
                .isEqualTo(404);
        assertThat(call("/api/sla/tickets/" + ticket.id(), unitToken("DEPARTMENT_OFFICER", "roads-bureau"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void countsTheOverdueFilingClockOfAnUnfiledWhistleForItsStreetsCentre() {
        // Raised three hours ago: the two-hour filing clock (design default) is overdue from the first look.
        var ticket = new Tickets(Clock.offset(Clock.systemUTC(), Duration.ofHours(-3)), Tickets.POTHOLE);
        publish(ticket.raised());
        var streetDispatcher = TestIssuer.get()
                .token("street-1-dispatcher", List.of("STREET_DISPATCHER"), List.of("street-1"), Tickets.CENTRE);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> overdue(call("/api/sla/summary", streetDispatcher), Tickets.CENTRE) >= 1);
        var otherStreet =
                TestIssuer.get().token("other-street", List.of("STREET_DISPATCHER"), List.of("street-2"), null);
        assertThat(overdue(call("/api/sla/summary", otherStreet), Tickets.CENTRE))
                .isZero();
    }

    private static long overdue(HttpResponse<String> summary, String unit) {
        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
        return json(summary)
                .valueStream()
                .filter(row -> row.path("unit").asString().equals(unit))
                .mapToLong(row -> row.path("overdue").asLong())
                .sum();
    }

    @Test
    void countsAFilingClockInTheCalendarsWorkingTimeAndReplansItWhenTheCalendarChanges() {
        var beijing = java.time.ZoneId.of("Asia/Shanghai");
        // The last Friday 18:00 in Beijing: the clock starts outside working hours, with a weekend ahead.
        var friday = java.time.ZonedDateTime.now(beijing)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.FRIDAY))
                .withHour(18)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        if (friday.isAfter(java.time.ZonedDateTime.now(beijing))) {
            friday = friday.minusWeeks(1);
        }
        var calendarId = "calendar-" + java.util.UUID.randomUUID();
        var first = TestCalendars.calendar(calendarId, TestCalendars.china2026(), 1, Clock.systemUTC());
        publish(first);
        var category = "ROADS-SIGN-" + Long.toHexString(System.nanoTime()).toUpperCase();
        publish(Tickets.policy(
                "policy-" + calendarId,
                category,
                java.util.Map.of(
                        ClockKind.FILE, Duration.ofHours(100),
                        ClockKind.REPORT_IN, Duration.ofHours(2),
                        ClockKind.CONTACT_REPORTER, Duration.ofHours(24),
                        ClockKind.RESOLVE, Duration.ofHours(24),
                        ClockKind.VERIFY, Duration.ofHours(24),
                        ClockKind.FOLLOW_UP, Duration.ofHours(72)),
                calendarId,
                Clock.systemUTC()));
        var working = org.whistle.orgreference.domain.calendars.WorkingCalendar.from(first.data(), 1);
        var due = working.plus(friday.toInstant(), Duration.ofHours(100));
        var dispatcher = token("STREET_DISPATCHER");

        var ticket = new Tickets(Clock.fixed(friday.toInstant(), java.time.ZoneOffset.UTC), category);
        publish(ticket.raised());
        var file = await().atMost(Duration.ofSeconds(60))
                .until(() -> fileClock(call("/api/sla/tickets/" + ticket.id(), dispatcher)), clock -> clock != null);

        assertThat(file.path("countedIn").asString()).isEqualTo("WORKING_TIME");
        assertThat(file.path("calendarId").asString()).isEqualTo(calendarId);
        assertThat(java.time.Instant.parse(file.path("dueAt").asString())).isEqualTo(due);
        assertThat(file.path("dueAtBeijing").asString()).endsWith("+08:00");
        assertThat(java.time.OffsetDateTime.parse(file.path("dueAtBeijing").asString())
                        .toInstant())
                .isEqualTo(due);
        var remaining = Duration.parse(file.path("remainingWorkingTime").asString());
        assertThat(remaining).isPositive().isLessThanOrEqualTo(Duration.ofHours(100));
        assertThat(file.path("note").isNull() || file.path("note").isMissingNode())
                .isTrue();

        // The due day becomes a holiday: the running clock moves to the next working day.
        var holiday = new java.util.ArrayList<>(TestCalendars.china2026());
        holiday.add(new org.whistle.events.CalendarChanged.DatedException(
                java.time.LocalDate.ofInstant(due, beijing),
                org.whistle.events.CalendarChanged.DayKind.HOLIDAY,
                "临时休息日"));
        var second = TestCalendars.calendar(calendarId, holiday, 2, Clock.systemUTC());
        publish(second);
        var replanned = org.whistle.orgreference.domain.calendars.WorkingCalendar.from(second.data(), 2)
                .plus(friday.toInstant(), Duration.ofHours(100));
        assertThat(replanned).isAfter(due);
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> fileClock(call("/api/sla/tickets/" + ticket.id(), dispatcher)),
                        clock -> clock != null
                                && java.time.Instant.parse(clock.path("dueAt").asString())
                                        .equals(replanned));
    }

    @Test
    void saysSoWhenAPolicysCalendarIsUnknownAndCountsRoundTheClock() {
        var category = "ROADS-MARK-" + Long.toHexString(System.nanoTime()).toUpperCase();
        publish(Tickets.policy(
                "policy-" + category,
                category,
                java.util.Map.of(
                        ClockKind.FILE, Duration.ofHours(2),
                        ClockKind.REPORT_IN, Duration.ofHours(2),
                        ClockKind.CONTACT_REPORTER, Duration.ofHours(24),
                        ClockKind.RESOLVE, Duration.ofHours(24),
                        ClockKind.VERIFY, Duration.ofHours(24),
                        ClockKind.FOLLOW_UP, Duration.ofHours(72)),
                "calendar-never-published",
                Clock.systemUTC()));
        var ticket = new Tickets(Clock.systemUTC(), category);
        publish(ticket.raised());

        var file = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> fileClock(call("/api/sla/tickets/" + ticket.id(), token("STREET_DISPATCHER"))),
                        clock ->
                                clock != null && clock.path("policy").asString().equals("policy-" + category));

        assertThat(file.path("countedIn").asString()).isEqualTo("ROUND_THE_CLOCK");
        assertThat(file.path("calendarId").asString()).isEqualTo("calendar-never-published");
        assertThat(file.path("note").asString())
                .isEqualTo("所用的工作日历尚未发布，本时限暂按自然时间（24 小时）计算")
                .doesNotContain("calendar-never-published");
        assertThat(Duration.between(
                        java.time.Instant.parse(file.path("startedAt").asString()),
                        java.time.Instant.parse(file.path("dueAt").asString())))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void namesAStoppedCalendarByItsNameNeverByItsId() {
        var calendarId = "calendar-stopped-" + java.util.UUID.randomUUID();
        var published = TestCalendars.calendar(calendarId, TestCalendars.china2026(), 1, Clock.systemUTC());
        var d = published.data();
        publish(org.whistle.events.EventEnvelope.wrap(
                new org.whistle.events.CalendarChanged(
                        d.calendarId(),
                        d.name(),
                        d.timeZone(),
                        d.workingDays(),
                        d.workingHours(),
                        d.years(),
                        d.exceptions(),
                        false),
                1,
                "org-registry-service",
                org.whistle.events.TraceIds.newTraceId(),
                Clock.systemUTC()));
        var category = "ROADS-STOP-" + Long.toHexString(System.nanoTime()).toUpperCase();
        publish(Tickets.policy(
                "policy-" + category,
                category,
                java.util.Map.of(
                        ClockKind.FILE, Duration.ofHours(2),
                        ClockKind.REPORT_IN, Duration.ofHours(2),
                        ClockKind.CONTACT_REPORTER, Duration.ofHours(24),
                        ClockKind.RESOLVE, Duration.ofHours(24),
                        ClockKind.VERIFY, Duration.ofHours(24),
                        ClockKind.FOLLOW_UP, Duration.ofHours(72)),
                calendarId,
                Clock.systemUTC()));
        var ticket = new Tickets(Clock.systemUTC(), category);
        publish(ticket.raised());

        var file = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> fileClock(call("/api/sla/tickets/" + ticket.id(), token("STREET_DISPATCHER"))),
                        clock ->
                                clock != null && clock.path("policy").asString().equals("policy-" + category));

        assertThat(file.path("countedIn").asString()).isEqualTo("ROUND_THE_CLOCK");
        assertThat(file.path("note").asString())
                .isEqualTo("工作日历「齐齐哈尔市工作日历」已停用，本时限暂按自然时间（24 小时）计算")
                .doesNotContain(calendarId);
    }

    private static @Nullable JsonNode fileClock(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return null;
        }
        return json(response)
                .path("clocks")
                .valueStream()
                .filter(clock -> clock.path("kind").asString().equals("FILE"))
                .findFirst()
                .orElse(null);
    }

    @Test
    void hidesTheClocksOfATicketOutsideTheCallersScopeOrNotSummoningTheirUnit() {
        var ticket = new Tickets(Clock.systemUTC(), Tickets.POTHOLE);
        publish(ticket.summoned("roads-bureau"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> call("/api/sla/tickets/" + ticket.id(), token("STREET_DISPATCHER"))
                                .statusCode()
                        == 200);

        var otherStreet = TestIssuer.get()
                .token("other-street", List.of("STREET_DISPATCHER"), List.of("street-2"), "centre-street-2");
        assertThat(call("/api/sla/tickets/" + ticket.id(), otherStreet).statusCode())
                .isEqualTo(404);
        assertThat(call("/api/sla/tickets/" + ticket.id(), unitToken("DEPARTMENT_OFFICER", "water-company"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(call("/api/sla/tickets/" + ticket.id(), unitToken("DEPARTMENT_LEADER", "roads-bureau"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void countsOnlyTheCallersScopeAndAUnitOnlyItsOwnClocks() {
        var ticket = new Tickets(Clock.systemUTC(), Tickets.POTHOLE);
        publish(ticket.summoned("roads-bureau"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> running(call("/api/sla/summary?unit=roads-bureau", token("CITY_DISPATCHER"))) >= 1);

        var otherStreet =
                TestIssuer.get().token("other-street", List.of("STREET_DISPATCHER"), List.of("street-2"), null);
        assertThat(running(call("/api/sla/summary?unit=roads-bureau", otherStreet)))
                .isZero();
        assertThat(call("/api/sla/summary?unit=roads-bureau", unitToken("DEPARTMENT_OFFICER", "water-company"))
                        .statusCode())
                .isEqualTo(403);
        var own = call("/api/sla/summary", unitToken("DEPARTMENT_OFFICER", "roads-bureau"));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).valueStream().map(row -> row.path("unit").asString()))
                .isNotEmpty()
                .containsOnly("roads-bureau");
    }

    private static long running(HttpResponse<String> summary) {
        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
        return json(summary)
                .valueStream()
                .mapToLong(row -> row.path("running").asLong())
                .sum();
    }

    @Test
    void refusesResidents() {
        assertThat(call("/api/sla/tickets/" + java.util.UUID.randomUUID(), token("RESIDENT"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("/api/sla/summary", token("RESIDENT")).statusCode()).isEqualTo(403);
    }

    @Test
    void refusesCallersWithoutAToken() {
        assertThat(call("/api/sla/tickets/" + java.util.UUID.randomUUID(), null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void answersNotFoundForAnUnknownTicket() {
        var response = call("/api/sla/tickets/" + java.util.UUID.randomUUID(), token("CITY_DISPATCHER"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
    }

    private static String unitToken(String role, String unit) {
        return TestIssuer.get().token("user-" + unit, List.of(role), List.of("city"), unit);
    }

    private static String token(String role) {
        return TestIssuer.get().token("user-" + role.toLowerCase(), List.of(role), List.of("city"), null);
    }

    private HttpResponse<String> call(String path, @Nullable String token) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    private static void publish(org.whistle.events.EventEnvelope<?> envelope) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                    envelope.topic(), envelope.key(), EventCodec.instance().encode(envelope)));
        }
    }

    /** Issue 17: every odd path or query value is answered below 500; a caller who may reach every endpoint. */
    @Override
    public String bearer() {
        return org.whistle.testing.TestIssuer.get()
                .token(
                        "odd-values",
                        java.util.List.of("ADMINISTRATOR", "CITY_DISPATCHER", "LEADER"),
                        java.util.List.of("230200"),
                        null);
    }
}
