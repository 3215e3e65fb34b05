package org.whistle.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.whistle.evaluation.figures.FigureQueries;
import org.whistle.evaluation.figures.Scope;
import org.whistle.evaluation.figures.Source;
import org.whistle.evaluation.rules.RuleSets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plans PostgreSQL makes for every live figure and ranking read (ADR 0037), over a few thousand cases and the
 * planner's own settings: the counts read the rollups and the organisation, never the case rows; overdue-and-open
 * reads the case rows only through the small index of open cases. On the reads before ADR 0037 every figure was an
 * aggregate over {@code eval_case}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlansTest extends EvaluationServiceTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Autowired
    private FigureQueries queries;

    @Autowired
    private RuleSets ruleSets;

    /** 6,000 cases of 2019 (a year no other test uses), 1 % open, loaded past the service as the bench loads them. */
    @BeforeAll
    void aFewThousandCases() {
        organisationIsKnownAndTheListenerAssigned();
        jdbc.sql("""
                        INSERT INTO eval_case (whistle_id, ticket_number, category_code, grid_id, street_id, area_id,
                            owning_centre_id, level, state, raised_at, filed_at, file_late, dispatched_at, returned,
                            transferred, lead_unit_id, handled_at, handle_due_at, due_source, handled_late, closed_at,
                            outcome, closed_on_time, reworked, extended, supervised, self_handled, signed_for,
                            responded_on_time, followed_up, answer_resolved, answer_rating, answer_by_phone,
                            answers_ignored, count_date, facts)
                        SELECT gen_random_uuid(), 'PLAN-' || lpad(i::text, 6, '0'), 'ROAD',
                            CASE WHEN i % 2 = 0 THEN 'G1' ELSE 'G2' END, CASE WHEN i % 2 = 0 THEN 'S1' ELSE 'S2' END,
                            CASE WHEN i % 2 = 0 THEN 'G1' ELSE 'G2' END, CASE WHEN i % 2 = 0 THEN 'CC-S1' ELSE 'CC-S2' END,
                            'STREET', CASE WHEN i % 100 = 0 THEN 'DISPATCHED' ELSE 'CLOSED' END,
                            t, t + interval '1 hour', i % 7 = 0, t + interval '2 hours', false, false,
                            CASE WHEN i % 3 = 0 THEN 'DEP-WATER' ELSE 'DEP-ROAD' END,
                            CASE WHEN i % 100 = 0 THEN NULL ELSE t + interval '30 hours' END, t + interval '7 days',
                            'SLA', i % 5 = 0, CASE WHEN i % 100 = 0 THEN NULL ELSE t + interval '40 hours' END,
                            CASE WHEN i % 100 = 0 THEN NULL ELSE 'RESOLVED' END, i % 5 <> 0, 0, 0, 0, false, true,
                            true, i % 100 <> 0, i % 4 <> 0, 'SATISFIED', false, 0, (t + interval '7 days')::date, 5
                        FROM generate_series(1, 6000) AS i,
                            LATERAL (SELECT TIMESTAMPTZ '2019-01-01 09:00+08' + make_interval(hours => i) AS t) AS at
                        """).update();
        jdbc.sql("""
                        INSERT INTO eval_case_unit (whistle_id, unit_id, lead, summoned_at, report_in_due_at,
                            due_source, reported_in_at, report_in_late, count_date)
                        SELECT whistle_id, lead_unit_id, true, dispatched_at, dispatched_at + interval '30 minutes',
                            'SLA', dispatched_at + interval '20 minutes', false,
                            (dispatched_at + interval '30 minutes')::date
                        FROM eval_case WHERE ticket_number LIKE 'PLAN-%'
                        """).update();
        jdbc.sql("SELECT rebuild_eval_rollups()").query().singleRow();
        for (var table : List.of("eval_case", "eval_case_unit", "eval_rollup", "eval_unit_rollup", "org_unit")) {
            jdbc.sql("VACUUM ANALYZE " + table).update();
        }
    }

    @AfterAll
    void removeThem() {
        jdbc.sql("DELETE FROM eval_case WHERE ticket_number LIKE 'PLAN-%'").update();
        jdbc.sql("SELECT rebuild_eval_rollups()").query().singleRow();
    }

    @Test
    void everyLiveFigureAndRankingReadsTheRollupsAndOnlyTheOpenCasesIndex() {
        var scopes = List.of(
                Scope.area("C"),
                Scope.area("S1"),
                Scope.area("G2"),
                Scope.unit(WATER),
                Scope.centre(STREET_CENTRE),
                Scope.areasOfKind("STREET", "C"),
                Scope.areasOfKind("COMMUNITY", null),
                Scope.unitsOfKind("DEPARTMENT", "D"),
                Scope.centresOfLevel("STREET", null));
        var ranges = List.of(
                List.of(LocalDate.of(2019, 3, 5), LocalDate.of(2019, 3, 5)),
                List.of(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 31)),
                List.of(LocalDate.of(2019, 4, 1), LocalDate.of(2019, 6, 30)),
                List.of(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)),
                List.of(LocalDate.of(2019, 2, 10), LocalDate.of(2019, 5, 20)));
        var asOf = Instant.parse("2020-01-01T00:00:00Z");
        int read = 0;
        for (var scope : scopes) {
            for (var range : ranges) {
                var q = new FigureQueries.Query(
                        scope, Source.LIVE, null, range.get(0), range.get(1), asOf, ruleSets.version(1));
                var statements = queries.liveStatements(q);
                for (var statement : statements.subList(0, statements.size() - 1)) {
                    var plan = plan(statement);
                    assertThat(relations(plan))
                            .as("%s reads %s", statement.getKey(), plan)
                            .containsAnyOf("eval_rollup", "eval_unit_rollup")
                            .doesNotContain("eval_case", "eval_case_unit");
                    read++;
                }
                var overdue = plan(statements.getLast());
                assertThat(scans(overdue, "eval_case"))
                        .as("%s", overdue)
                        .isNotEmpty()
                        .doesNotContain("Seq Scan");
                assertThat(indexes(overdue))
                        .as("%s", overdue)
                        .contains("eval_case_open")
                        .doesNotContain("eval_case_count_date", "eval_case_area", "eval_case_lead");
            }
        }
        assertThat(read).isEqualTo(scopes.size() * ranges.size() * 2);
        // and what they read is what was loaded: 2019's cases, by the month they count on
        var year = queries.counts(new FigureQueries.Query(
                Scope.area("C"),
                Source.LIVE,
                null,
                LocalDate.of(2019, 1, 1),
                LocalDate.of(2019, 12, 31),
                asOf,
                ruleSets.version(1)));
        assertThat(year.get("C").raised()).isEqualTo(6000);
        assertThat(year.get("C").overdueOpen()).isEqualTo(60);
        assertThat(year.get("C").unitsSummoned()).isEqualTo(6000);
    }

    private JsonNode plan(Map.Entry<String, Map<String, Object>> statement) {
        var json = jdbc.sql("EXPLAIN (FORMAT JSON) " + statement.getKey())
                .params(statement.getValue())
                .query(String.class)
                .single();
        return JSON.readTree(json).get(0).get("Plan");
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

    /** The node types that read a relation. */
    private static List<String> scans(JsonNode plan, String relation) {
        var found = new ArrayList<String>();
        walk(plan, node -> {
            if (node.has("Relation Name")
                    && node.get("Relation Name").asString().equals(relation)) {
                found.add(node.get("Node Type").asString());
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

    private static void walk(JsonNode node, Consumer<JsonNode> visit) {
        visit.accept(node);
        if (node.has("Plans")) {
            for (var child : node.get("Plans")) {
                walk(child, visit);
            }
        }
    }
}
