package org.whistle.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.whistle.evaluation.FiguresTest.count;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Rating;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;

/**
 * A month closes with the rule set in force; a late event becomes a pending adjustment beside the published figure
 * (once, however often it is delivered); applying it keeps the original beside; publishing opens the month to all
 * staff; rule sets are versioned and a closed month keeps its version.
 */
class PeriodsTest extends EvaluationServiceTest {

    @Test
    void aLateEventForAClosedMonthIsAPendingAdjustmentUntilAnAdministratorAppliesIt() throws Exception {
        var t = day(LocalDate.of(2025, 7, 1));
        var h = Duration.ofHours(1);
        var c = newCase("T-PER-1")
                .raised(t, null)
                .filed(t.plus(h))
                .summoned(t.plus(h), WATER)
                .reported(t.plus(h).plus(h), WATER, WhistleReported.Report.REPORTED_IN)
                .reported(t.plus(Duration.ofDays(1)), WATER, WhistleReported.Report.DONE)
                .closed(t.plus(Duration.ofDays(2)), WhistleClosed.Outcome.RESOLVED)
                .feedback(t.plus(Duration.ofDays(2)).minusSeconds(60), Rating.SATISFIED, true, null);
        publishAll(c);

        var dispatcher = token("dispatcher-s1", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
        assertThat(send("POST", "/api/evaluation/periods/2025-07/close", dispatcher, null)
                        .statusCode())
                .isEqualTo(403);
        var closed = send("POST", "/api/evaluation/periods/2025-07/close", administrator(), null);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(json(closed).get("stateLabel").asString()).isEqualTo("已关闭，待公布");
        assertThat(send("POST", "/api/evaluation/periods/2025-07/close", administrator(), null)
                        .statusCode())
                .isEqualTo(409);

        // the reporter's "not fixed" reopens the case after the month closed: a late change
        var reopen = c.routed(WhistleRouted.Action.REOPENED, TicketState.IN_PROGRESS, t.plus(Duration.ofDays(3)))
                .events()
                .getLast();
        publish(reopen);
        publish(reopen);
        awaitFolded(c, c.events().size());
        await().atMost(PATIENCE)
                .until(() -> json(get("/api/evaluation/periods/2025-07/adjustments", dispatcher))
                                .size()
                        == 1);
        var adjustment = json(get("/api/evaluation/periods/2025-07/adjustments", dispatcher))
                .get(0);
        assertThat(adjustment.get("reason").asString()).isEqualTo("期间关闭后收到：返工");
        assertThat(adjustment.get("stateLabel").asString()).isEqualTo("待处理");

        var figure = json(get("/api/evaluation/figures?object=G1&period=2025-07", dispatcher));
        assertThat(count(figure.get("figures"), "REWORKED"))
                .as("the published figure")
                .isZero();
        assertThat(count(figure.get("pending"), "REWORKED"))
                .as("with the pending adjustment")
                .isEqualTo(1);
        assertThat(figure.get("pendingAdjustments").asLong()).isEqualTo(1);

        var id = adjustment.get("id").asLong();
        var path = "/api/evaluation/periods/2025-07/adjustments/" + id;
        assertThat(send("POST", path + "/apply", administrator(), "{}").statusCode())
                .isEqualTo(422);
        var applied = send("POST", path + "/apply", administrator(), "{\"reason\":\"返工属实，计入七月\"}");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(json(applied).get("stateLabel").asString()).isEqualTo("已采纳");
        assertThat(send("POST", path + "/reject", administrator(), "{\"reason\":\"重复处理\"}")
                        .statusCode())
                .isEqualTo(409);

        var adjusted = json(get("/api/evaluation/figures?object=G1&period=2025-07", dispatcher));
        assertThat(count(adjusted.get("figures"), "REWORKED")).isEqualTo(1);
        assertThat(count(adjusted.get("original"), "REWORKED"))
                .as("the original beside it")
                .isZero();

        var officer = token("officer-road", List.of("DEPARTMENT_OFFICER"), List.of(), ROAD);
        assertThat(get("/api/evaluation/figures?object=S1&period=2025-07", officer)
                        .statusCode())
                .as("not published yet")
                .isEqualTo(403);
        var published = send("POST", "/api/evaluation/periods/2025-07/publish", administrator(), null);
        assertThat(json(published).get("stateLabel").asString()).isEqualTo("已公布");
        assertThat(get("/api/evaluation/figures?object=S1&period=2025-07", officer)
                        .statusCode())
                .as("published figures are for every member of staff")
                .isEqualTo(200);
        var resident = token("resident-1", List.of("RESIDENT"), List.of(), null);
        assertThat(get("/api/evaluation/figures?object=S1&period=2025-07", resident)
                        .statusCode())
                .isEqualTo(403);
    }

    /**
     * A closed month's figures are counted from its frozen rows once and then served as kept: a read does not count
     * the frozen rows again (here they are taken away behind the service's back, and the figure stands), and only an
     * applied adjustment makes the next read count afresh.
     */
    @Test
    void aClosedMonthsFiguresAreCountedOnceAndServedAsKeptUntilAnAdjustmentIsApplied() throws Exception {
        var t = day(LocalDate.of(2025, 4, 8));
        var h = Duration.ofHours(1);
        var c = newCase("T-PER-KEPT")
                .raised(t, null)
                .filed(t.plus(h))
                .summoned(t.plus(h), WATER)
                .reported(t.plus(h).plus(h), WATER, WhistleReported.Report.REPORTED_IN)
                .reported(t.plus(Duration.ofDays(1)), WATER, WhistleReported.Report.DONE)
                .closed(t.plus(Duration.ofDays(2)), WhistleClosed.Outcome.RESOLVED);
        publishAll(c);
        awaitFolded(c, c.events().size());
        assertThat(send("POST", "/api/evaluation/periods/2025-04/close", administrator(), null)
                        .statusCode())
                .isEqualTo(200);
        var dispatcher = token("dispatcher-s1", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);

        var first = json(get("/api/evaluation/figures?object=G1&period=2025-04", dispatcher));
        assertThat(count(first.get("figures"), "RAISED")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM period_figure WHERE period_code = '2025-04'")
                        .query(Long.class)
                        .single())
                .as("kept on the first read")
                .isPositive();

        var frozen = jdbc.sql("SELECT case_row::text FROM period_case WHERE period_code = '2025-04'")
                .query(String.class)
                .single();
        jdbc.sql("UPDATE period_case SET case_row = NULL WHERE period_code = '2025-04'")
                .update();
        var again = json(get("/api/evaluation/figures?object=G1&period=2025-04", dispatcher));
        assertThat(count(again.get("figures"), "RAISED"))
                .as("served as kept, not counted again")
                .isEqualTo(1);
        jdbc.sql("UPDATE period_case SET case_row = CAST(:row AS jsonb) WHERE period_code = '2025-04'")
                .param("row", frozen)
                .update();

        // a late change, applied: the next read counts the published rows afresh
        var reopen = c.routed(WhistleRouted.Action.REOPENED, TicketState.IN_PROGRESS, t.plus(Duration.ofDays(3)))
                .events()
                .getLast();
        publish(reopen);
        await().atMost(PATIENCE)
                .until(() -> json(get("/api/evaluation/periods/2025-04/adjustments", dispatcher))
                                .size()
                        == 1);
        var id = json(get("/api/evaluation/periods/2025-04/adjustments", dispatcher))
                .get(0)
                .get("id")
                .asLong();
        assertThat(send(
                                "POST",
                                "/api/evaluation/periods/2025-04/adjustments/" + id + "/apply",
                                administrator(),
                                "{\"reason\":\"返工属实，计入四月\"}")
                        .statusCode())
                .isEqualTo(200);
        var adjusted = json(get("/api/evaluation/figures?object=G1&period=2025-04", dispatcher));
        assertThat(count(adjusted.get("figures"), "REWORKED")).isEqualTo(1);
        assertThat(count(adjusted.get("original"), "REWORKED")).isZero();
        assertThat(jdbc.sql("SELECT DISTINCT generation FROM period_figure WHERE period_code = '2025-04'"
                                + " AND source = 'PUBLISHED'")
                        .query(Integer.class)
                        .list())
                .as("the earlier generation's counts are dropped")
                .containsExactly(1);
    }

    @Test
    void anExemptionOfACaseInAClosedMonthIsAnAdjustmentToo() throws Exception {
        var t = day(LocalDate.of(2025, 6, 2));
        var c = newCase("T-PER-2").raised(t, null).filed(t.plusSeconds(600)).summoned(t.plusSeconds(600), ROAD);
        publishAll(c);
        assertThat(send("POST", "/api/evaluation/periods/2025-06/close", administrator(), null)
                        .statusCode())
                .isEqualTo(200);
        var body = "{\"whistleId\":\"" + c.id() + "\",\"reason\":\"恶意重复诉求，经核实不予计入\"}";
        var exempted = send("POST", "/api/evaluation/exemptions", administrator(), body);
        assertThat(exempted.statusCode()).as(exempted.body()).isEqualTo(201);
        assertThat(send("POST", "/api/evaluation/exemptions", administrator(), body)
                        .statusCode())
                .isEqualTo(409);
        var adjustments = json(get("/api/evaluation/periods/2025-06/adjustments", administrator()));
        assertThat(adjustments.get(0).get("reason").asString()).isEqualTo("豁免：恶意重复诉求，经核实不予计入");
        var figure = json(get("/api/evaluation/figures?object=G1&period=2025-06", administrator()));
        assertThat(count(figure.get("figures"), "EXEMPT")).isZero();
        assertThat(count(figure.get("pending"), "EXEMPT")).isEqualTo(1);
    }

    @Test
    void aNewRuleSetAppliesFromItsDateAndAClosedMonthKeepsItsOwn() throws Exception {
        var bad =
                "{\"effectiveFrom\":\"2025-09-01\",\"reason\":\"调整\",\"weights\":[{\"rate\":\"HANDLING\",\"weight\":50}]}";
        var refused = send("POST", "/api/evaluation/rule-sets", administrator(), bad);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("权重合计须为 100");
        var good = "{\"effectiveFrom\":\"2025-09-01\",\"reason\":\"年度权重调整\",\"basicallySatisfiedWeight\":0.6,"
                + "\"exemptOutcomes\":[\"REJECTED\",\"MERGED\"],\"weights\":[{\"rate\":\"ON_TIME_HANDLING\",\"weight\":60},"
                + "{\"rate\":\"SATISFACTION\",\"weight\":40}]}";
        var officer = token("officer-road", List.of("DEPARTMENT_OFFICER"), List.of(), ROAD);
        assertThat(send("POST", "/api/evaluation/rule-sets", officer, good).statusCode())
                .isEqualTo(403);
        var added = send("POST", "/api/evaluation/rule-sets", administrator(), good);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        var version = json(added).get("version").asInt();
        assertThat(json(added).get("formula").asString()).isEqualTo("按期处置率 × 60 + 满意率 × 40");

        var september = json(get("/api/evaluation/figures?object=S1&period=2025-09", administrator()));
        assertThat(september.at("/ruleSet/version").asInt()).isEqualTo(version);
        var august = json(get("/api/evaluation/figures?object=S1&period=2025-08", administrator()));
        assertThat(august.at("/ruleSet/version").asInt()).isLessThan(version);
    }

    static EventEnvelope<?> last(List<EventEnvelope<?>> events) {
        return events.getLast();
    }
}
