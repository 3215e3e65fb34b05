package org.whistle.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.whistle.evaluation.figures.FigureQueries;
import org.whistle.evaluation.figures.Scope;
import org.whistle.evaluation.figures.Source;
import org.whistle.evaluation.rules.RuleSets;
import org.whistle.events.ClockKind;
import org.whistle.events.Rating;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.testing.TestInfrastructure;
import org.whistle.testing.TestIssuer;

/**
 * Rebuild equals live: a second instance of the service, with a fresh database and a consumer group of its own,
 * reads every topic from the beginning; its case rows, unit rows, facts and organisation — and the figures counted
 * from them — equal the live instance's field by field.
 */
class RebuildTest extends EvaluationServiceTest {

    private static final List<String> TABLES = List.of(
            "SELECT * FROM eval_case ORDER BY whistle_id",
            "SELECT * FROM eval_case_unit ORDER BY whistle_id, unit_id",
            "SELECT event_id, whistle_id, at, revision, fact::text AS fact FROM case_fact ORDER BY event_id",
            "SELECT * FROM org_unit ORDER BY unit_id",
            "SELECT * FROM org_category ORDER BY code");

    @Test
    void aFreshInstanceReadingEveryTopicFromTheBeginningHasTheSameRowsAndFigures() {
        var t = day(LocalDate.of(2025, 11, 3));
        var h = Duration.ofHours(1);
        var reworked = newCase("T-REB-1")
                .raised(t, "GRID_WORKER")
                .filed(t.plus(h))
                .summoned(t.plus(h), WATER)
                .summoned(t.plus(h).plusSeconds(60), ROAD)
                .reported(t.plus(h).plus(h), WATER, WhistleReported.Report.REPORTED_IN)
                .clock(
                        WhistleEscalated.Kind.ESCALATION,
                        ClockKind.REPORT_IN,
                        ROAD,
                        t.plus(h).plus(h),
                        t.plus(h).plus(h))
                .reported(t.plus(Duration.ofDays(1)), WATER, WhistleReported.Report.DONE)
                .feedback(t.plus(Duration.ofDays(2)), Rating.DISSATISFIED, false, null)
                .routed(
                        WhistleRouted.Action.REOPENED,
                        TicketState.IN_PROGRESS,
                        t.plus(Duration.ofDays(2)).plus(h))
                .reported(t.plus(Duration.ofDays(3)), WATER, WhistleReported.Report.DONE)
                .feedback(t.plus(Duration.ofDays(4)), Rating.SATISFIED, true, null)
                .closed(t.plus(Duration.ofDays(4)).plus(h), WhistleClosed.Outcome.RESOLVED);
        var merged = newCaseInS2("T-REB-2").raised(t, null).closed(t.plus(h), WhistleClosed.Outcome.MERGED);
        // out of order, with a duplicate: the live instance sees them so; the rebuild reads them per partition
        var events = new ArrayList<>(reworked.events());
        Collections.reverse(events);
        events.forEach(EvaluationServiceTest::publish);
        publish(events.getFirst());
        merged.events().forEach(EvaluationServiceTest::publish);
        awaitFolded(reworked, reworked.events().size());
        awaitFolded(merged, merged.events().size());

        var database = TestInfrastructure.get().newDatabase("rebuild");
        System.out.println("DEBUGURL " + database.jdbcUrl());
        // first in the environment, so they win over application.yml as the environment does in production
        var environment = new org.springframework.core.env.StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new org.springframework.core.env.MapPropertySource(
                        "rebuild",
                        Map.of(
                                "server.port", "0",
                                "spring.kafka.bootstrap-servers",
                                        TestInfrastructure.get().kafkaBootstrapServers(),
                                "spring.datasource.url", database.jdbcUrl(),
                                "spring.datasource.username", database.username(),
                                "spring.datasource.password", database.password(),
                                "whistle.security.jwks-uri",
                                        TestIssuer.get().jwksUri().toString(),
                                "whistle.evaluation.consumer-group", "evaluation-rebuild-" + UUID.randomUUID())));
        try (ConfigurableApplicationContext rebuild = new SpringApplicationBuilder(EvaluationServiceApplication.class)
                .environment(environment)
                .run()) {
            var rebuilt = rebuild.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> TABLES.stream().allMatch(sql -> rows(jdbc, sql).equals(rows(rebuilt, sql))));
            for (var sql : TABLES) {
                assertThat(rows(rebuilt, sql)).as(sql).isEqualTo(rows(jdbc, sql));
            }
            assertThat(rows(jdbc, "SELECT * FROM eval_case WHERE ticket_number = 'T-REB-1'"))
                    .singleElement()
                    .satisfies(row -> assertThat(row)
                            .containsEntry("reworked", 1)
                            .containsEntry("answer_rating", "SATISFIED")
                            .containsEntry("answer_round", 1)
                            .containsEntry("self_handled", false));

            var asOf = Instant.parse("2026-01-01T00:00:00Z");
            var live = figures(applicationContextQueries(), applicationContextRules(), asOf);
            var again = figures(rebuild.getBean(FigureQueries.class), rebuild.getBean(RuleSets.class), asOf);
            assertThat(again).isEqualTo(live).isNotEmpty();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    private FigureQueries queries;

    @org.springframework.beans.factory.annotation.Autowired
    private RuleSets ruleSets;

    private FigureQueries applicationContextQueries() {
        return queries;
    }

    private RuleSets applicationContextRules() {
        return ruleSets;
    }

    /** Every street's counts over 2025 under rule set 1, as each instance counts them. */
    private static Map<String, ?> figures(FigureQueries queries, RuleSets rules, Instant asOf) {
        return queries.counts(new FigureQueries.Query(
                Scope.areasOfKind("STREET", "C"),
                Source.LIVE,
                null,
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31),
                asOf,
                rules.version(1)));
    }

    private static List<Map<String, Object>> rows(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query().listOfRows().stream()
                .map(row -> {
                    var copy = new java.util.LinkedHashMap<String, Object>();
                    row.forEach((k, v) -> copy.put(k, normal(v)));
                    return (Map<String, Object>) copy;
                })
                .toList();
    }

    /** Arrays compare by content. */
    private static Object normal(Object value) {
        try {
            if (value instanceof java.sql.Array array) {
                return List.of((Object[]) array.getArray());
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return Objects.requireNonNullElse(value, "∅");
    }
}
