package org.whistle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18 through the gateway, each by the demo city's own people: an approved extension moves the RESOLVE clock; a
 * working-time clock started on a Friday evening before a holiday falls due on the right working day, counting a 调休
 * Sunday; a street dispatcher sees the filing countdown of an unfiled whistle, and an unfiled whistle nobody files is
 * counted overdue; a county centre issues a 督办 by hand and pulls the ticket up (提级), and those it concerns see it; a
 * street centre records a reporter's answer taken by phone (电话回访). Each test raises its own whistles.
 */
@ExtendWith(SharedLocalStack.class)
@Execution(ExecutionMode.CONCURRENT)
class ClocksAndCommandActionsTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** The local stack runs policies sixty times faster (ServiceLaunch.DEMO_SLA_TIME_SCALE). */
    private static final int TIME_SCALE = 60;

    private static final String GANNAN_STREET = "gn.street.sunhongwei";
    private static final String GANNAN_COUNTY = "gn.county.liuyan";
    /** The roads section's leader: a 督办 against the section reaches him personally. */
    private static final String ROADS_LEADER = "gn.lzg.huangjiye";

    private final Gateway gateway;
    private final Casework casework;

    ClocksAndCommandActionsTest(Platform platform) {
        this.gateway = platform.gateway();
        this.casework = new Casework(platform);
    }

    @Test
    void anApprovedExtensionMovesTheResolveClockAndTheTimelineSaysWhoApprovedIt() {
        var ticket = casework.prepare(Place.CROSSING, Casework.Level.STREET, Casework.Stage.EXTENSION_PENDING);
        var lead = Place.CROSSING.leadUnit;
        // RESOLVE is the ticket's clock (the lead answers for it), not one unit's.
        var before = awaitClock(ticket.ticketId(), "RESOLVE", null, clock -> true);
        var dueBefore = Instant.parse(before.path("dueAt").asString());
        assertThat(before.path("extended").asString()).isEqualTo("PT0S");

        var extension = casework.ticket(ticket.ticketId()).path("tasks").values().stream()
                .filter(task -> task.path("unit").asString().equals(lead))
                .findFirst()
                .orElseThrow()
                .path("extensions")
                .get(0);
        assertThat(extension.path("status").asString()).isEqualTo("PENDING");
        casework.centre(
                GANNAN_STREET,
                ticket.ticketId(),
                "extensions/" + extension.path("requestId").asString() + "/approve",
                "{}");

        var after = awaitClock(
                ticket.ticketId(),
                "RESOLVE",
                null,
                clock -> !clock.path("dueAt")
                        .asString()
                        .equals(before.path("dueAt").asString()));
        // PT24H of policy time, at the demo's sixty-fold time 24 minutes, on a clock counting round the clock.
        assertThat(Duration.between(dueBefore, Instant.parse(after.path("dueAt").asString())))
                .isEqualTo(Duration.ofHours(24).dividedBy(TIME_SCALE));
        assertThat(after.path("extended").asString()).isNotEqualTo("PT0S");
        var shown = after.path("extensions").get(0);
        assertThat(shown.path("extraTime").asString()).isEqualTo("PT24H");
        assertThat(shown.path("approvedBy").asString()).isEqualTo(GANNAN_STREET);
        assertThat(OffsetDateTime.parse(after.path("dueAtBeijing").asString()).getOffset())
                .isEqualTo(ZoneOffset.ofHours(8));

        var approval = entry(casework.ticket(ticket.ticketId()).path("timeline"), "APPROVE_EXTENSION");
        assertThat(approval.at("/actor/userId").asString()).isEqualTo(GANNAN_STREET);
        assertThat(approval.path("unit").asString()).isEqualTo(lead);
    }

    /**
     * The platform's clocks run on the real time of the machine (sla-service's {@code Clock}, the local stack at 60×),
     * so a test cannot start one on a given Friday. It gives its clock a calendar of its own whose days are laid out
     * around the moment it runs: the day it runs is the "Friday", the clock starts in its evening (the calendar's zone
     * is chosen so that it is 19:00–20:00 there), the next day is a rest day, the one after a rest day made a working
     * day (调休), then a public holiday, then a working day. One working hour a day (09:00–10:00), and a filing clock of
     * 90 working minutes (PT90H of policy time at 60×): 60 minutes on the 调休 Sunday, none on the holiday, 30 on the
     * next working day — due at 09:30 four days after the "Friday".
     */
    @Test
    void aWorkingTimeClockStartedOnAFridayEveningBeforeAHolidayCountsTheMakeUpSundayAndSkipsTheRest() {
        int offset = 19 - ZonedDateTime.now(ZoneOffset.UTC).getHour();
        if (offset > 14) {
            offset -= 24;
        }
        var zone = ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" + offset : "+" + -offset));
        var friday = LocalDate.now(zone);
        var saturday = friday.plusDays(1);
        var makeUpSunday = friday.plusDays(2);
        var holiday = friday.plusDays(3);
        var nextWorkingDay = friday.plusDays(4);
        var workingDays = EnumSet.allOf(DayOfWeek.class);
        workingDays.remove(saturday.getDayOfWeek());
        workingDays.remove(makeUpSunday.getDayOfWeek());
        var years = new TreeSet<>(List.of(friday.getYear(), nextWorkingDay.getYear()));

        var admin = casework.token("admin");
        var calendarId = "systest-" + UUID.randomUUID().toString().substring(0, 8);
        var calendar = Gateway.JSON
                .createObjectNode()
                .put("calendarId", calendarId)
                .put("name", "节前周五（系统测试）")
                .put("timeZone", zone.getId());
        var days = calendar.putArray("workingDays");
        workingDays.forEach(day -> days.add(day.name()));
        calendar.putArray("workingHours").add("09:00-10:00");
        var yearList = calendar.putArray("years");
        years.forEach(yearList::add);
        calendar.putArray("exceptions")
                .add(Gateway.JSON
                        .createObjectNode()
                        .put("date", makeUpSunday.toString())
                        .put("kind", "WORKDAY")
                        .put("name", "调休上班"))
                .add(Gateway.JSON
                        .createObjectNode()
                        .put("date", holiday.toString())
                        .put("kind", "HOLIDAY")
                        .put("name", "节日"));
        gateway.post("/api/org/calendars", admin, calendar.toString()).expect(201);
        var category = category("WORKTIME", "NORMAL", "PT90H", "PT90H", calendarId);

        var raised = casework.raise(
                Casework.OBSERVER, Place.CROSSING, category, "APP", "NORMAL", "节前周五晚上的哨 " + UUID.randomUUID(), null);
        var whistleId = raised.path("id").asString();
        var due = nextWorkingDay.atTime(9, 30).atZone(zone).toInstant();

        var file = awaitClock(
                whistleId, "FILE", null, clock -> clock.path("dueAt").asString().equals(due.toString()));
        var started = Instant.parse(file.path("startedAt").asString()).atZone(zone);
        assertThat(started.toLocalDate()).as("started on the 'Friday'").isEqualTo(friday);
        assertThat(started.toLocalTime()).as("in its evening").isAfter(LocalTime.of(10, 0));
        assertThat(file.path("countedIn").asString()).isEqualTo("WORKING_TIME");
        assertThat(file.path("calendarId").asString()).isEqualTo(calendarId);
        assertThat(file.path("remainingWorkingTime").asString())
                .as("nothing counted in the evening")
                .isEqualTo("PT1H30M");
        var beijing = OffsetDateTime.parse(file.path("dueAtBeijing").asString());
        assertThat(beijing.getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(beijing.toInstant()).isEqualTo(due);
    }

    @Test
    void aStreetDispatcherSeesTheFilingCountdownOfAnUnfiledWhistleAndAnUnfiledWhistleIsCountedOverdue() {
        var raised = casework.raise(
                Casework.OBSERVER,
                Place.CROSSING,
                Place.CROSSING.category,
                "APP",
                "NORMAL",
                "尚未受理的哨 " + UUID.randomUUID(),
                null);
        var whistleId = raised.path("id").asString();
        var street = casework.token(GANNAN_STREET);

        var countdown = await("the street dispatcher sees the filing clock of " + whistleId)
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> gateway.get("/api/sla/tickets/" + whistleId, street), reply -> reply.status() == 200)
                .json();
        var file = clock(countdown, "FILE", null);
        assertThat(file).as(countdown.toString()).isNotNull();
        assertThat(file.path("state").asString()).isEqualTo("RUNNING");
        assertThat(Duration.parse(file.path("remaining").asString())).isPositive();
        assertThat(OffsetDateTime.parse(file.path("dueAtBeijing").asString()).getOffset())
                .isEqualTo(ZoneOffset.ofHours(8));
        var running = summary(street, "STREET", Place.CROSSING.streetCentre);
        assertThat(running.path("running").asLong())
                .as("the street's count holds its unfiled whistle")
                .isPositive();

        // Nobody files this one: five policy minutes at every level, so it climbs to the city, where it stays
        // overdue, counted for the city's centre while still unfiled.
        var drill = category("UNFILED", "URGENT", "PT5M", "PT5M", null);
        var unfiled = casework.raise(
                        null, Place.CROSSING, drill, "WECHAT", "URGENT", "无人受理的哨 " + UUID.randomUUID(), null)
                .path("id")
                .asString();
        var city = casework.token(Casework.CITY_DISPATCHER);
        var expired = awaitClock(
                unfiled,
                "FILE",
                null,
                clock -> clock.path("state").asString().equals("EXPIRED")
                        && Duration.parse(clock.path("remaining").asString()).isNegative());
        assertThat(casework.awaitTicket(unfiled).path("state").asString()).isEqualTo("RAISED");
        assertThat(expired.path("escalated").asBoolean()).isTrue();
        await("the city's overdue count holds the unfiled whistle")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() ->
                        summary(city, "CITY", Place.CITY_CENTRE).path("overdue").asLong() >= 1);
    }

    @Test
    void aCountyCentreSupervisesByHandAndPullsTheTicketUpAndThoseConcernedSeeIt() {
        var ticket = casework.prepare(Place.CROSSING, Casework.Level.STREET, Casework.Stage.DISPATCHED);
        var dueBy = OffsetDateTime.now(BEIJING).plusDays(2).withNano(0);

        casework.centre(
                GANNAN_COUNTY,
                ticket.ticketId(),
                "supervise",
                Gateway.JSON
                        .createObjectNode()
                        .put("reason", "群众反映强烈，限期修复")
                        .put("dueBy", dueBy.toString())
                        .toString());

        var supervised = casework.ticket(ticket.ticketId());
        var order = supervised.path("supervisionOrders").values().stream()
                .filter(o -> o.path("kind").asString().equals("ORDER"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no order by hand: " + supervised.path("supervisionOrders")));
        assertThat(order.path("issuedBy").asString())
                .as("the level that issued it")
                .isEqualTo("DISTRICT");
        assertThat(order.path("against").asString()).isEqualTo(Place.CROSSING.leadUnit);
        assertThat(order.path("reason").asString()).isEqualTo("群众反映强烈，限期修复");
        assertThat(Instant.parse(order.path("dueBy").asString())).isEqualTo(dueBy.toInstant());
        assertThat(supervised.path("supervisionOrderCount").asInt()).isEqualTo(1);
        assertThat(entry(supervised.path("timeline"), "SUPERVISE")
                        .at("/actor/userId")
                        .asString())
                .isEqualTo(GANNAN_COUNTY);
        // The late unit's leader hears of it personally, and the unit sees the order on its ticket.
        awaitInbox(ROADS_LEADER, ticket.whistleId(), "whistle-supervised");
        var asUnit = gateway.get(
                        "/api/tickets/" + ticket.ticketId(), casework.token(casework.actor(Place.CROSSING.leadUnit)))
                .expect(200);
        assertThat(asUnit.path("supervisionOrders").findValuesAsString("kind")).contains("ORDER");

        casework.centre(GANNAN_COUNTY, ticket.ticketId(), "pull-up", "{\"reason\":\"街道处理不力，县里直接督办\"}");

        var pulled = casework.ticket(ticket.ticketId());
        assertThat(pulled.path("level").asString()).isEqualTo("DISTRICT");
        assertThat(pulled.path("owningCentre").asString()).isEqualTo(Place.CROSSING.districtCentre);
        assertThat(pulled.path("levelHistory").findValuesAsString("level")).containsExactly("STREET", "DISTRICT");
        var pullUp = entry(pulled.path("timeline"), "PULL_UP");
        assertThat(pullUp.at("/actor/userId").asString()).isEqualTo(GANNAN_COUNTY);
        assertThat(pullUp.path("note").asString()).contains("街道处理不力");
        // The county's queue holds it now; the street it was taken from can no longer act on it.
        var queue = gateway.get(
                        "/api/queues/centres/" + Place.CROSSING.districtCentre + "?size=100",
                        casework.token(GANNAN_COUNTY))
                .expect(200);
        assertThat(queue.toString()).contains(ticket.ticketId());
        assertThat(gateway.post(
                                "/api/tickets/" + ticket.ticketId() + "/suspend",
                                casework.token(GANNAN_STREET),
                                "{\"reason\":\"等待\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aStreetCentreRecordsTheReportersAnswerTakenByPhoneAndTheTimelineSaysWhoRecordedIt() {
        var ticket = casework.prepare(Place.CROSSING, Casework.Level.STREET, Casework.Stage.VERIFIED);
        var street = casework.token(GANNAN_STREET);
        var answer = Gateway.JSON
                .createObjectNode()
                .put("rating", "SATISFIED")
                .put("resolved", true)
                .put("comment", "老人家电话里说路已经修好了")
                .toString();

        // Intake learns of the resolution from Kafka; until then a follow-up is refused as too early (409).
        var recorded = await("the street records the phone follow-up of " + ticket.whistleId())
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> gateway.post("/api/whistles/" + ticket.whistleId() + "/feedback", street, answer),
                        reply -> reply.status() != 409);
        assertThat(recorded.status()).as(recorded.toString()).isBetween(200, 201);

        var entry = await("the ticket's timeline has the phone follow-up")
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> casework.ticket(ticket.ticketId()).path("timeline").values().stream()
                                .filter(e -> e.path("action").asString().equals("FOLLOW_UP_RESOLVED"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(entry.at("/phoneFollowUpBy/userId").asString()).isEqualTo(GANNAN_STREET);
        assertThat(entry.at("/actor/userId").asString()).isEqualTo(GANNAN_STREET);
        assertThat(entry.path("note").asString()).startsWith("电话回访");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /**
     * A category with a deadline policy of its own, as an administrator writes one: its FILE duration below the city
     * and at the city, in the calendar if given.
     */
    private String category(String kind, String urgency, String file, String cityFile, String calendarId) {
        var admin = casework.token("admin");
        var code = "MUNICIPAL-" + kind + "-"
                + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        gateway.post(
                        "/api/org/categories",
                        admin,
                        ("{\"code\":\"%s\",\"name\":\"时限测试\",\"parentCode\":\"MUNICIPAL\",\"handlingClass\":\"GENERAL\","
                                        + "\"defaultUrgency\":\"%s\"}")
                                .formatted(code, urgency))
                .expect(201);
        for (var level : List.of("null", "\"CITY\"")) {
            var policy = Gateway.JSON
                    .createObjectNode()
                    .put("categoryCode", code)
                    .put("urgency", urgency)
                    .put("warningRatio", 0.8)
                    .put("escalation", "NEXT_LEVEL");
            if (level.equals("null")) {
                policy.putNull("level");
            } else {
                policy.put("level", "CITY");
            }
            policy.putObject("durations")
                    .put("FILE", level.equals("null") ? file : cityFile)
                    .put("REPORT_IN", "PT2H")
                    .put("CONTACT_REPORTER", "PT2H")
                    .put("RESOLVE", "P1D")
                    .put("VERIFY", "PT24H")
                    .put("FOLLOW_UP", "PT72H");
            policy.putArray("pauseWhen").add("SUSPENDED");
            if (calendarId != null) {
                policy.put("calendarId", calendarId);
            }
            gateway.post("/api/org/deadline-policies", admin, policy.toString()).expect(201);
        }
        // Intake takes whistles of a category once its copy of the catalogue (fed from Kafka) has it.
        await("intake offers " + code)
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> gateway.get("/open311/v2/services.json?jurisdiction_id=qiqihar.gov.cn", null)
                        .body()
                        .contains(code));
        return code;
    }

    /** The clock of a kind (and unit, for a unit's clock) on a whistle's or ticket's sheet once it satisfies until. */
    private JsonNode awaitClock(String id, String kind, String unit, Predicate<JsonNode> until) {
        var token = casework.token(Casework.OBSERVER);
        var found = new JsonNode[1];
        await(kind + " clock of " + id)
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    var reply = gateway.get("/api/sla/tickets/" + id, token);
                    if (reply.status() != 200) {
                        return false;
                    }
                    var clock = clock(reply.json(), kind, unit);
                    if (clock == null) {
                        return false;
                    }
                    found[0] = clock;
                    return until.test(clock);
                });
        return found[0];
    }

    /** The latest instance of a kind of clock (and unit), or null. */
    private static JsonNode clock(JsonNode sheet, String kind, String unit) {
        JsonNode latest = null;
        for (var clock : sheet.path("clocks").values()) {
            if (clock.path("kind").asString().equals(kind)
                    && (unit == null || unit.equals(clock.path("unitId").asString(null)))
                    && (latest == null
                            || clock.path("instance").asInt()
                                    >= latest.path("instance").asInt())) {
                latest = clock;
            }
        }
        return latest;
    }

    private JsonNode summary(String token, String level, String unit) {
        var rows = gateway.get("/api/sla/summary?level=" + level, token).expect(200);
        return rows.values().stream()
                .filter(row -> row.path("unit").asString().equals(unit))
                .findFirst()
                .orElse(Gateway.JSON.createObjectNode());
    }

    private void awaitInbox(String account, String whistleId, String eventType) {
        await(account + " is told of " + eventType + " on " + whistleId)
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> gateway
                        .get("/api/notifications/inbox?limit=200", casework.token(account))
                        .expect(200)
                        .path("items")
                        .values()
                        .stream()
                        .anyMatch(
                                item -> whistleId.equals(item.path("whistleId").asString(null))
                                        && item.path("eventType").asString().equals(eventType)));
    }

    private static JsonNode entry(JsonNode timeline, String action) {
        return timeline.values().stream()
                .filter(e -> e.path("action").asString().equals(action))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " on the timeline " + timeline));
    }
}
