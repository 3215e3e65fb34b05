package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.whistle.dispatch.queries.TicketQueries;
import org.whistle.dispatch.ticket.TicketMetrics;
import tools.jackson.databind.JsonNode;

/**
 * The plans PostgreSQL makes for the dashboard reads (ADR 0030), over a few thousand tickets and the planner's own
 * settings: the overview reads only its counters, never the tickets; a centre's queue — any page — is read along an
 * index in its order (no sequential scan, no sort), an open state from the partial index of open tickets alone. Each
 * fails on the reads before ADR 0030: GIN bitmaps over the tickets, a sort after the old queue index.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlansTest extends DispatchServiceTestBase {

    private static final String AREA = "PLAN-230299";
    private static final String CENTRE = "QQ-PLAN-230299-0-ZHZX";

    @Autowired
    TicketQueries queries;

    /**
     * 6,000 tickets over ten centres of an area no other test uses, 99 % closed, loaded past the service as the bench
     * loads them, then the counters rebuilt and the table analysed.
     */
    @BeforeAll
    void aFewThousandTickets() {
        jdbc.sql("""
                        INSERT INTO ticket (id, whistle_id, number, category, priority, level, owning_centre, state,
                            revision, closed_at, grid_id, street_id, area_path, raised_at, updated_at, lat, lng)
                        SELECT gen_random_uuid(), gen_random_uuid(), 'PLAN-' || lpad(i::text, 6, '0'), 'PLAN-CATEGORY',
                            'NORMAL', 'STREET', 'QQ-PLAN-230299-' || (i % 10) || '-ZHZX',
                            CASE WHEN i % 100 = 0 THEN 'DISPATCHED' ELSE 'CLOSED' END, 3,
                            CASE WHEN i % 100 = 0 THEN NULL ELSE now() - make_interval(hours => 6000 - i) END,
                            :area || '-G' || (i % 20), :area || '-S' || (i % 10),
                            ARRAY['230200', :area, :area || '-S' || (i % 10), :area || '-G' || (i % 20)],
                            now() - make_interval(hours => 6001 - i), now(),
                            47.3 + (i % 100) * 0.001, 123.9 + (i / 100) * 0.001
                        FROM generate_series(1, 6000) AS i
                        """).param("area", AREA).update();
        // One task each, thirty units: the unit filter's plan is made over tasks as the history has them.
        jdbc.sql("""
                        INSERT INTO ticket_task (ticket_id, unit, ordinal, lead, state, summoned_at)
                        SELECT id, 'QQ-PLAN-U' || (substr(number, 6)::int % 30), 0, true,
                            CASE WHEN state = 'CLOSED' THEN 'DONE' ELSE 'SUMMONED' END, raised_at
                        FROM ticket WHERE number LIKE 'PLAN-%'
                        """).update();
        jdbc.sql("SELECT rebuild_ticket_counts()").query(Object.class).optional();
        jdbc.sql("VACUUM ANALYZE ticket").update();
        jdbc.sql("VACUUM ANALYZE ticket_task").update();
        jdbc.sql("ANALYZE ticket_open_count").update();
        jdbc.sql("ANALYZE ticket_day_count").update();
        jdbc.sql("ANALYZE ticket_open_task_count").update();
    }

    @AfterAll
    void removeThem() {
        jdbc.sql("DELETE FROM ticket_task WHERE unit LIKE 'QQ-PLAN-U%'").update();
        jdbc.sql("DELETE FROM ticket WHERE number LIKE 'PLAN-%'").update();
        jdbc.sql("SELECT rebuild_ticket_counts()").query(Object.class).optional();
    }

    @Test
    void theOverviewReadsItsCountersAndNeverTheTickets() {
        for (var area : List.of(AREA, "230200")) {
            for (var statement : queries.overviewStatements(area)) {
                var plan = plan(statement);
                assertThat(relations(plan))
                        .as("%s reads %s", statement.sql(), plan)
                        .isNotEmpty()
                        .doesNotContain("ticket", "ticket_task");
            }
        }
    }

    @Test
    void theBusinessGaugesReadTheCountersAndTheOpenTicketsButNeverTheHistory() {
        // Orders on the closed history (every 10th ticket), the many rows a join would read.
        jdbc.sql("""
                        INSERT INTO ticket_supervision_order (ticket_id, number, against, clock, from_level, red_list,
                            issued_at, kind)
                        SELECT id, 1, 'QQ-PLAN-U0', 'REPORT_IN', 'STREET', false, raised_at, 'ESCALATION'
                        FROM ticket WHERE number LIKE 'PLAN-%' AND substr(number, 6)::int % 10 = 0
                        """).update();
        try {
            jdbc.sql("ANALYZE ticket_supervision_order").update();
            assertThat(relations(plan(new TicketQueries.Statement(TicketMetrics.OPEN_BY_LEVEL_AND_STATE, Map.of()))))
                    .containsExactly("ticket_open_count");

            var plan = plan(new TicketQueries.Statement(TicketMetrics.OPEN_SUPERVISION, Map.of()));
            assertThat(nodes(plan)).as("%s", plan).doesNotContain("Seq Scan", "Hash Join", "Merge Join");
            assertThat(relations(plan)).as("%s", plan).contains("ticket", "ticket_supervision_order");
            assertThat(
                            jdbc
                                    .sql(TicketMetrics.OPEN_SUPERVISION)
                                    .query((rs, n) -> rs.getLong("escalations"))
                                    .list()
                                    .stream()
                                    .mapToLong(Long::longValue)
                                    .sum())
                    .as("each of the 60 open tickets of the history holds one; other tests' tickets may add some")
                    .isGreaterThanOrEqualTo(60);
        } finally {
            jdbc.sql("DELETE FROM ticket_supervision_order WHERE against = 'QQ-PLAN-U0'")
                    .update();
        }
    }

    @Test
    void aCentresQueueIsReadAlongAnIndexInItsOrderOnEveryPage() {
        var first = queries.centreQueue(CENTRE, null, null, null, null, 20, "raisedAt,desc");
        assertThat(first.items()).hasSize(20);
        var cursor = first.after();
        for (int page = 1; page < 5; page++) {
            cursor = queries.centreQueue(CENTRE, null, null, null, cursor, 20, "raisedAt,desc")
                    .after();
        }
        for (var after : java.util.Arrays.asList(null, cursor)) {
            var plan = plan(queries.centreQueueStatement(CENTRE, null, null, null, after, 20, "raisedAt,desc"));
            assertThat(nodes(plan)).as("%s", plan).doesNotContain("Seq Scan", "Sort", "Bitmap Heap Scan");
            assertThat(indexes(plan)).as("%s", plan).containsExactly("ticket_centre_raised");
        }
    }

    @Test
    void aCentresOpenTicketsAreReadFromThePartialIndexOfOpenTicketsAlone() {
        var plan = plan(queries.centreQueueStatement(CENTRE, "DISPATCHED", null, null, null, 20, "raisedAt,desc"));

        // An index-only scan in the queue's order once the table is large; at this size a bitmap of the same index and
        // a sort of its few rows may cost less. Either way only the small index of open tickets is read.
        assertThat(nodes(plan)).as("%s", plan).doesNotContain("Seq Scan");
        assertThat(indexes(plan)).as("%s", plan).containsExactly("ticket_open_centre_state");
        assertThat(queries.centreQueue(CENTRE, "DISPATCHED", null, null, null, 200, null)
                        .items())
                .hasSize(60)
                .allSatisfy(item -> assertThat(item.state()).isEqualTo("DISPATCHED"));
    }

    @Test
    void aCentresQueueNarrowedToAUnitWalksIndexesOnly() {
        var filter = new TicketQueries.CentreQueueFilter(null, null, null, "QQ-PLAN-U3", null, false, null);
        for (var sort : List.of("raisedAt,desc", "raisedAt,asc")) {
            var plan = plan(queries.centreQueueStatement(CENTRE, filter, null, 20, sort));
            assertThat(nodes(plan)).as("%s", plan).doesNotContain("Seq Scan");
            assertThat(indexes(plan)).as("%s", plan).isNotEmpty();
        }
        // Centre 0 holds the tickets whose number ends in 0; unit 3 those whose number is 3 mod 30: none in common.
        assertThat(queries.centreQueue(CENTRE, filter, null, 200, null).items()).isEmpty();
        var unitZero = new TicketQueries.CentreQueueFilter(null, null, null, "QQ-PLAN-U0", null, false, null);
        assertThat(queries.centreQueue(CENTRE, unitZero, null, 200, null).items())
                .hasSize(200)
                .allSatisfy(item -> assertThat(Integer.parseInt(item.number().substring(5)) % 30)
                        .isZero());
    }

    @Test
    void aTicketFoundByItsNumberIsReadThroughTheNumbersIndex() {
        var filter = new TicketQueries.CentreQueueFilter(null, null, null, null, "plan-000100", false, null);
        var plan = plan(queries.centreQueueStatement(CENTRE, filter, null, 20, null));

        assertThat(nodes(plan)).as("%s", plan).doesNotContain("Seq Scan", "Bitmap Heap Scan");
        assertThat(indexes(plan)).as("%s", plan).containsExactly("ticket_number_key");
        assertThat(queries.centreQueue(CENTRE, filter, null, 20, null).items())
                .singleElement()
                .satisfies(item -> assertThat(item.number()).isEqualTo("PLAN-000100"));
    }

    @Test
    void whatWaitsForTheCentreIsReadFromTheIndexOfOpenTicketsOldestFirst() {
        var filter = new TicketQueries.CentreQueueFilter(null, null, null, null, null, true, null);
        var plan = plan(queries.centreQueueStatement(CENTRE, filter, null, 20, null));

        assertThat(nodes(plan)).as("%s", plan).doesNotContain("Seq Scan");
        assertThat(indexes(plan)).as("%s", plan).containsExactly("ticket_open_centre_state");
        jdbc.sql("UPDATE ticket SET state = 'RESOLVED' WHERE number IN ('PLAN-000200', 'PLAN-000100')")
                .update();
        try {
            assertThat(queries.centreQueue(CENTRE, filter, null, 20, null).items())
                    .extracting(TicketQueries.CentreQueueItem::number)
                    .containsExactly("PLAN-000100", "PLAN-000200");
        } finally {
            jdbc.sql("UPDATE ticket SET state = 'DISPATCHED' WHERE number IN ('PLAN-000200', 'PLAN-000100')")
                    .update();
        }
    }

    @Test
    void theWallsPointsAreTheNewestOpenTicketsInViewReadFromTheIndexOfOpenPoints() {
        var everywhere = new TicketQueries.View(47.0, 123.0, 48.0, 125.0);
        var plan = plan(queries.pointsStatement(AREA, everywhere, 200));

        assertThat(nodes(plan)).as("%s", plan).doesNotContain("Seq Scan");
        assertThat(indexes(plan)).as("%s", plan).containsExactly("ticket_open_points");
        var open = jdbc.sql("SELECT number FROM ticket WHERE number LIKE 'PLAN-%' AND state = 'DISPATCHED'"
                        + " ORDER BY raised_at DESC, id")
                .query(String.class)
                .list();
        assertThat(queries.points(AREA, everywhere, 200))
                .extracting(TicketQueries.Point::number)
                .containsExactlyElementsOf(open);
        assertThat(queries.points(AREA, everywhere, 5))
                .extracting(TicketQueries.Point::number)
                .containsExactlyElementsOf(open.subList(0, 5));
        // the open tickets lie on one parallel, a thousandth of a degree apart: a view around the first nine holds them
        assertThat(queries.points(AREA, new TicketQueries.View(47.2, 123.9005, 47.4, 123.9095), 200))
                .hasSize(9)
                .allSatisfy(point -> assertThat(point.lng()).isBetween(123.9005, 123.9095));
        assertThat(queries.points("PLAN-OTHER", everywhere, 200)).isEmpty();
    }

    @Test
    void everyPageFollowsTheOneBeforeWithoutGapsOrRepeats() {
        var seen = new ArrayList<String>();
        String after = null;
        do {
            var page = queries.centreQueue(CENTRE, null, null, null, after, 70, null);
            page.items().forEach(item -> seen.add(item.number()));
            after = page.after();
        } while (after != null);
        var expected = jdbc.sql("SELECT number FROM ticket WHERE owning_centre = :centre"
                        + " ORDER BY raised_at DESC, number DESC")
                .param("centre", CENTRE)
                .query(String.class)
                .list();
        assertThat(seen).hasSize(600).containsExactlyElementsOf(expected);
    }

    private JsonNode plan(TicketQueries.Statement statement) {
        var json = jdbc.sql("EXPLAIN (FORMAT JSON) " + statement.sql())
                .params(statement.params())
                .query(String.class)
                .single();
        return JSON.readTree(json).get(0).get("Plan");
    }

    private static List<String> nodes(JsonNode plan) {
        var found = new ArrayList<String>();
        walk(plan, node -> found.add(node.get("Node Type").asString()));
        return found;
    }

    private static List<String> relations(JsonNode plan) {
        var found = new ArrayList<String>();
        walk(plan, node -> {
            if (node.has("Relation Name")) {
                found.add(node.get("Relation Name").asString());
            }
        });
        return found;
    }

    private static List<String> indexes(JsonNode plan) {
        var found = new ArrayList<String>();
        walk(plan, node -> {
            if (node.has("Index Name")) {
                found.add(node.get("Index Name").asString());
            }
        });
        return found;
    }

    private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visit) {
        visit.accept(node);
        if (node.has("Plans")) {
            for (var child : node.get("Plans")) {
                walk(child, visit);
            }
        }
    }
}
