package org.whistle.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.whistle.evaluation.figures.FigureQueries;
import org.whistle.evaluation.figures.Scope;
import org.whistle.evaluation.figures.Source;
import org.whistle.evaluation.rules.RuleSets;
import org.whistle.evaluation.rules.domain.RuleSet;
import org.whistle.evaluation.vocabulary.domain.Counts;
import org.whistle.events.Actor;
import org.whistle.events.ClockKind;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Rating;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;

/**
 * The rollups (ADR 0037) equal a recount: after a random month of cases — events out of order and repeated, late
 * clocks, rework, withdrawn summons, rejected and merged cases, phone answers, exemptions granted and revoked — the
 * rollups the fold kept equal what {@code rebuild_eval_rollups()} counts from the case rows, and every figure read
 * from them equals the figure counted from the case rows, for every kind of object, several ranges and rule sets
 * that exempt differently.
 */
class RollupsTest extends EvaluationServiceTest {

    private static final LocalDate FIRST = LocalDate.of(2021, 8, 1);
    private static final String OWN_DAYS = "day BETWEEN DATE '2021-07-01' AND DATE '2021-10-31'";

    @Autowired
    private FigureQueries queries;

    @Autowired
    private RuleSets ruleSets;

    @Test
    void rollupsEqualARecountAfterARandomMonthOfCases() throws Exception {
        var random = new Random(20_210_801);
        var cases = new ArrayList<Case>();
        for (int i = 0; i < 40; i++) {
            cases.add(randomCase(random, i));
        }
        for (var c : cases) {
            var events = new ArrayList<EventEnvelope<?>>(c.events());
            Collections.shuffle(events, random); // late and reordered events re-bucket a case as they arrive
            events.forEach(EvaluationServiceTest::publish);
            publish(events.get(random.nextInt(events.size()))); // and a duplicate changes nothing
        }
        for (var c : cases) {
            awaitFolded(c, c.events().size());
        }
        for (var c : List.of(cases.get(3), cases.get(7), cases.get(11))) {
            var body = "{\"whistleId\":\"" + c.id() + "\",\"reason\":\"经核实为恶意诉求\"}";
            assertThat(send("POST", "/api/evaluation/exemptions", administrator(), body)
                            .statusCode())
                    .isEqualTo(201);
        }
        assertThat(send(
                                "DELETE",
                                "/api/evaluation/exemptions/" + cases.get(7).id(),
                                administrator(),
                                "{\"reason\":\"复核后计入\"}")
                        .statusCode())
                .isEqualTo(200);

        var kept = rollups();
        assertThat(kept.get("eval_rollup")).hasSizeGreaterThan(50);
        assertThat(kept.get("eval_unit_rollup")).isNotEmpty();
        // the month held every exempt class and phone answers, so the rule sets below count differently
        assertThat(kept.get("eval_rollup").stream().map(row -> row.get("exempt_class")))
                .contains("", "MANUAL", "REJECTED", "MERGED");
        assertThat(kept.get("eval_rollup").stream()
                        .mapToLong(row -> (Long) row.get("followed_up_phone"))
                        .sum())
                .isPositive();
        figuresFromRollupsEqualTheRecount();

        jdbc.sql("SELECT rebuild_eval_rollups()").query().singleRow();
        assertThat(rollups()).isEqualTo(kept);

        // spoilt rollups are what the rebuild is for
        jdbc.sql("UPDATE eval_rollup SET raised = raised + 5, handled = 0 WHERE " + OWN_DAYS)
                .update();
        jdbc.sql("SELECT rebuild_eval_rollups()").query().singleRow();
        assertThat(rollups()).isEqualTo(kept);
    }

    private void figuresFromRollupsEqualTheRecount() {
        var asOf = Instant.parse("2021-08-20T00:00:00Z");
        var scopes = List.of(
                Scope.area("C"),
                Scope.area("S1"),
                Scope.area("G2"),
                Scope.unit(WATER),
                Scope.unit(ROAD),
                Scope.centre(STREET_CENTRE),
                Scope.areasOfKind("STREET", "C"),
                Scope.areasOfKind("GRID", null),
                Scope.unitsOfKind("DEPARTMENT", "D"),
                Scope.centresOfLevel("STREET", null));
        var ranges = List.of(
                List.of(FIRST, FIRST.plusMonths(1).minusDays(1)),
                List.of(FIRST.plusDays(9), FIRST.plusDays(9)),
                List.of(FIRST.minusDays(12), FIRST.plusMonths(1).plusDays(10)),
                List.of(LocalDate.of(2021, 7, 1), LocalDate.of(2021, 9, 30)),
                List.of(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)));
        var base = ruleSets.version(1);
        var rules = List.of(
                base,
                withRules(base, Set.of(), true),
                withRules(base, Set.of("MERGED"), false),
                withRules(base, Set.of("REJECTED", "MERGED"), false));
        int compared = 0;
        for (var scope : scopes) {
            for (var range : ranges) {
                for (var rule : rules) {
                    var q = new FigureQueries.Query(scope, Source.LIVE, null, range.get(0), range.get(1), asOf, rule);
                    var rolled = withoutP90(queries.counts(q));
                    var recounted = withoutP90(queries.recount(q));
                    assertThat(rolled)
                            .as("%s %s %s", scope.params(), range, rule.exemptOutcomes())
                            .isEqualTo(recounted);
                    compared += recounted.size();
                }
            }
        }
        assertThat(compared).isGreaterThan(200);
    }

    private static RuleSet withRules(RuleSet base, Set<String> exempt, boolean phone) {
        return new RuleSet(
                base.version(),
                base.effectiveFrom(),
                exempt,
                phone,
                base.basicallySatisfiedWeight(),
                base.weights(),
                base.author(),
                base.reason(),
                base.createdAt());
    }

    /** The 90th percentiles are read from a histogram, exact to a bucket: everything else must be equal. */
    private static Map<String, Counts> withoutP90(Map<String, Counts> counts) {
        var out = new LinkedHashMap<String, Counts>();
        counts.forEach((key, c) -> {
            var d = c.durations();
            var means = new Counts.Durations(
                    d.fileMean(), null, d.reportInMean(), null, d.handleMean(), null, d.closeMean(), null);
            out.put(
                    key,
                    new Counts(
                            c.raised(),
                            c.exempt(),
                            c.filed(),
                            c.filedOnTime(),
                            c.dispatched(),
                            c.dispatchedCorrectly(),
                            c.dueForHandling(),
                            c.handled(),
                            c.handledOnTime(),
                            c.handledLate(),
                            c.overdueOpen(),
                            c.dueForClosure(),
                            c.closed(),
                            c.closedOnTime(),
                            c.reworked(),
                            c.extended(),
                            c.selfHandled(),
                            c.respondedOnTime(),
                            c.followedUp(),
                            c.answeredResolved(),
                            c.satisfied(),
                            c.basicallySatisfied(),
                            c.unitsSummoned(),
                            c.unitsReportedInOnTime(),
                            means));
        });
        return out;
    }

    private Map<String, List<Map<String, Object>>> rollups() {
        var tables = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (var table : List.of("eval_rollup", "eval_unit_rollup")) {
            tables.put(
                    table,
                    jdbc.sql("SELECT * FROM " + table + " WHERE " + OWN_DAYS
                                    + " ORDER BY dim, grain, day, object_id, exempt_class")
                            .query()
                            .listOfRows());
        }
        return tables;
    }

    private static Case randomCase(Random random, int i) {
        var inS1 = random.nextBoolean();
        var c = inS1 ? newCase("T-ROL-" + i) : newCaseInS2("T-ROL-" + i);
        var t = day(FIRST.plusDays(random.nextInt(28))).plusSeconds(random.nextInt(8 * 3600));
        var m = Duration.ofMinutes(1);
        boolean gridWorker = random.nextInt(4) == 0;
        c.raised(t, gridWorker ? "GRID_WORKER" : null);
        if (random.nextInt(8) == 0) {
            return c.closed(
                    t.plus(m.multipliedBy(30)),
                    random.nextBoolean() ? WhistleClosed.Outcome.MERGED : WhistleClosed.Outcome.REJECTED);
        }
        var filedAt = t.plus(m.multipliedBy(1 + random.nextInt(180)));
        if (random.nextInt(4) == 0) {
            c.clock(
                    WhistleEscalated.Kind.ESCALATION,
                    ClockKind.FILE,
                    null,
                    t.plus(Duration.ofHours(2)),
                    t.plus(Duration.ofHours(2)));
        }
        c.filed(filedAt);
        if (gridWorker && random.nextBoolean()) {
            return c.closed(filedAt.plus(Duration.ofHours(1)), WhistleClosed.Outcome.RESOLVED); // 自行处置
        }
        if (random.nextInt(6) == 0) {
            return random.nextBoolean() ? c : c.closed(filedAt.plus(m), WhistleClosed.Outcome.REJECTED);
        }
        var lead = random.nextBoolean() ? WATER : ROAD;
        var other = lead.equals(WATER) ? ROAD : WATER;
        var summoned = filedAt.plus(m.multipliedBy(random.nextInt(60)));
        c.summoned(summoned, lead);
        boolean second = random.nextInt(3) == 0;
        if (second) {
            c.summoned(summoned.plus(m), other);
            if (random.nextBoolean()) {
                c.withdrawn(summoned.plus(m.multipliedBy(5)), other);
                second = false;
            }
        }
        var reportIn = summoned.plus(m.multipliedBy(5 + random.nextInt(60)));
        if (random.nextInt(3) == 0) {
            var due = summoned.plus(Duration.ofMinutes(30));
            c.clock(WhistleEscalated.Kind.ESCALATION, ClockKind.REPORT_IN, lead, due, due);
        }
        c.reported(reportIn, lead, WhistleReported.Report.REPORTED_IN);
        if (random.nextBoolean()) {
            c.reported(reportIn.plus(m.multipliedBy(10)), lead, WhistleReported.Report.CONTACTED_REPORTER);
        }
        if (random.nextInt(5) == 0) {
            c.routed(
                    WhistleRouted.Action.EXTENDED,
                    TicketState.IN_PROGRESS,
                    reportIn.plus(Duration.ofHours(1)),
                    new WhistleRouted.Extension(ClockKind.RESOLVE, lead, Duration.ofDays(2)));
        }
        if (random.nextInt(8) == 0) {
            c.routed(WhistleRouted.Action.TRANSFERRED, TicketState.DISPATCHED, reportIn.plus(m.multipliedBy(20)));
        }
        if (second) {
            c.reported(reportIn.plus(m), other, WhistleReported.Report.REPORTED_IN);
        }
        if (random.nextInt(5) == 0) {
            return c; // still open: overdue or not as of the reading
        }
        var done = reportIn.plus(Duration.ofHours(1 + random.nextInt(200)));
        if (random.nextInt(3) == 0) {
            var due = summoned.plus(Duration.ofDays(2 + random.nextInt(5)));
            c.clock(WhistleEscalated.Kind.WARNING, ClockKind.RESOLVE, lead, due, due.minus(Duration.ofHours(3)));
            if (done.isAfter(due)) {
                c.clock(WhistleEscalated.Kind.ESCALATION, ClockKind.RESOLVE, lead, due, due);
            }
        }
        c.reported(done, lead, WhistleReported.Report.DONE);
        var phone = random.nextInt(3) == 0 ? new Actor("d-1", c.centre, "STREET_DISPATCHER") : null;
        var ratings = Rating.values();
        c.feedback(
                done.plus(Duration.ofHours(2)), ratings[random.nextInt(ratings.length)], random.nextBoolean(), phone);
        var end = done.plus(Duration.ofHours(3));
        if (random.nextInt(4) == 0) {
            c.routed(WhistleRouted.Action.REOPENED, TicketState.IN_PROGRESS, end);
            end = end.plus(Duration.ofHours(5 + random.nextInt(30)));
            c.reported(end, lead, WhistleReported.Report.DONE);
            c.feedback(end.plus(m), ratings[random.nextInt(ratings.length)], random.nextBoolean(), null);
            end = end.plus(Duration.ofHours(1));
        }
        if (random.nextInt(6) != 0) {
            c.closed(end, random.nextInt(8) == 0 ? WhistleClosed.Outcome.NO_ANSWER : WhistleClosed.Outcome.RESOLVED);
        }
        return c;
    }
}
