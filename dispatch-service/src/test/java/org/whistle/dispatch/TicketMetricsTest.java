package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.TicketId;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleRaised;

/**
 * Dispatch's business meters on {@code /actuator/prometheus} move with the actions that change them (ADR 0049): open
 * tickets by level and state, overdue tickets and supervision orders open, and the report-in and closing times.
 */
class TicketMetricsTest extends DispatchServiceTestBase {

    private static final HttpClient SCRAPER = HttpClient.newHttpClient();

    @Test
    void openTicketsFollowTheLifecycleAndReportInAndClosingAreTimed() {
        var raisedBefore = metric("whistle_dispatch_tickets_open", "level=\"STREET\"", "state=\"RAISED\"");
        var reportInBefore = metric("whistle_dispatch_report_in_seconds_count", "level=\"STREET\"");
        var reportInFast = metric("whistle_dispatch_report_in_seconds_bucket", "level=\"STREET\"", "le=\"900.0\"");
        var closeBefore = metric("whistle_dispatch_close_seconds_count", "level=\"STREET\"");

        var ticket = "/api/tickets/" + raise(roadDamage("计量"));
        assertThat(metric("whistle_dispatch_tickets_open", "level=\"STREET\"", "state=\"RAISED\""))
                .isEqualTo(raisedBefore + 1);

        var street = streetDispatcherOfGannanTown();
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        post(ticket + "/file", street).ok();
        post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION)).ok();
        assertThat(metric("whistle_dispatch_tickets_open", "level=\"STREET\"", "state=\"RAISED\""))
                .isEqualTo(raisedBefore);
        assertThat(metric("whistle_dispatch_report_in_seconds_count", "level=\"STREET\""))
                .isEqualTo(reportInBefore);

        post(ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/report-in", roads).ok();
        assertThat(metric("whistle_dispatch_report_in_seconds_count", "level=\"STREET\""))
                .isEqualTo(reportInBefore + 1);
        assertThat(metric("whistle_dispatch_report_in_seconds_bucket", "level=\"STREET\"", "le=\"900.0\""))
                .as("reported in within 15 minutes")
                .isEqualTo(reportInFast + 1);

        post(
                        ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/done",
                        roads,
                        Map.of("evidence", List.of(SeedStoriesServiceTest.PHOTO)))
                .ok();
        post(ticket + "/verify", street, Map.of("pass", true)).ok();
        assertThat(metric("whistle_dispatch_close_seconds_count", "level=\"STREET\""))
                .isEqualTo(closeBefore);
        post(ticket + "/close", street).ok();
        assertThat(metric("whistle_dispatch_close_seconds_count", "level=\"STREET\""))
                .isEqualTo(closeBefore + 1);
        assertThat(metric("whistle_dispatch_tickets_open", "level=\"STREET\"", "state=\"VERIFIED\""))
                .as("a closed ticket is open in no state")
                .isEqualTo(metricAfterRecount("STREET", "VERIFIED"));
    }

    @Test
    void countsOverdueTicketsAndSupervisionOrdersButNotReminders() {
        var overdueBefore = metric("whistle_dispatch_tickets_overdue", "level=\"DISTRICT\"");
        var escalationsBefore = metric("whistle_dispatch_supervision_orders_open", "kind=\"ESCALATION\"");
        var ordersBefore = metric("whistle_dispatch_supervision_orders_open", "kind=\"ORDER\"");
        var whistle = roadDamage("计量超期");
        var id = raise(whistle);
        var ticket = "/api/tickets/" + id;
        var street = streetDispatcherOfGannanTown();
        post(ticket + "/file", street).ok();
        post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION)).ok();

        publish(envelope(reportInExpired(whistle, id)));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(metric("whistle_dispatch_tickets_overdue", "level=\"DISTRICT\""))
                        .isEqualTo(overdueBefore + 1));
        assertThat(metric("whistle_dispatch_supervision_orders_open", "kind=\"ESCALATION\""))
                .isEqualTo(escalationsBefore + 1);

        var district = dispatcher("DISTRICT_DISPATCHER", DemoCity.GANNAN, DemoCity.GANNAN_CENTRE);
        var due = Instant.now()
                .plus(Duration.ofDays(1))
                .atOffset(ZoneOffset.ofHours(8))
                .toString();
        post(ticket + "/supervise", district, Map.of("reason", "群众反映强烈，限期修复", "dueBy", due))
                .ok();
        post(ticket + "/remind", district, Map.of("reason", "请尽快报到", "dueBy", due))
                .ok();

        assertThat(metric("whistle_dispatch_supervision_orders_open", "kind=\"ORDER\""))
                .as("the order by hand counts, the reminder does not")
                .isEqualTo(ordersBefore + 1);
        assertThat(metric("whistle_dispatch_tickets_overdue", "level=\"DISTRICT\""))
                .as("one ticket, however many orders")
                .isEqualTo(overdueBefore + 1);

        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        post(ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/report-in", roads).ok();
        post(
                        ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/done",
                        roads,
                        Map.of("evidence", List.of(SeedStoriesServiceTest.PHOTO)))
                .ok();
        post(ticket + "/verify", district, Map.of("pass", true)).ok();
        post(ticket + "/close", district).ok();
        assertThat(metric("whistle_dispatch_tickets_overdue", "level=\"DISTRICT\""))
                .as("a closed ticket is no longer overdue")
                .isEqualTo(overdueBefore);
        assertThat(metric("whistle_dispatch_supervision_orders_open", "kind=\"ORDER\""))
                .isEqualTo(ordersBefore);
    }

    @Test
    void labelsAreEnumsAndEveryOpenSeriesExistsBeforeAnyTicket() {
        var body = scrape();
        for (var level : CommandLevel.values()) {
            assertThat(body)
                    .contains("whistle_dispatch_tickets_overdue{application=\"dispatch-service\",level=\""
                            + level.name() + "\"}");
            assertThat(body)
                    .contains("whistle_dispatch_close_seconds_bucket{application=\"dispatch-service\",level=\""
                            + level.name() + "\",le=\"86400.0\"}");
        }
        assertThat(body.lines().filter(line -> line.startsWith("whistle_dispatch_tickets_open{")))
                .hasSize(3 * 8);
    }

    private double metricAfterRecount(String level, String state) {
        return jdbc.sql("SELECT count(*) FROM ticket WHERE level = :level AND state = :state")
                .param("level", level)
                .param("state", state)
                .query(Long.class)
                .single();
    }

    private static WhistleRaised roadDamage(String description) {
        return whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, description);
    }

    private static WhistleEscalated reportInExpired(WhistleRaised whistle, String ticket) {
        var now = Instant.now();
        return new WhistleEscalated(
                whistle.whistleId(),
                TicketId.of(ticket),
                WhistleEscalated.Kind.ESCALATION,
                ClockKind.REPORT_IN,
                ClockKind.REPORT_IN + "-" + ticket,
                DemoCity.ROADS_SECTION,
                CommandLevel.STREET,
                CommandLevel.DISTRICT,
                false,
                now.minus(Duration.ofHours(2)),
                now,
                now);
    }

    /** The value of the one sample of {@code name} whose labels include {@code labels}; 0 when there is none. */
    private double metric(String name, String... labels) {
        var samples = scrape().lines()
                .filter(line -> line.startsWith(name + "{"))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .toList();
        assertThat(samples).as(name + " " + Arrays.toString(labels)).hasSizeLessThanOrEqualTo(1);
        return samples.isEmpty()
                ? 0
                : Double.parseDouble(
                        samples.getFirst().substring(samples.getFirst().lastIndexOf(' ') + 1));
    }

    private String scrape() {
        try {
            var response = SCRAPER.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
