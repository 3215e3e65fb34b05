package org.whistle.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.events.ClockKind;
import org.whistle.events.Rating;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleReported;
import tools.jackson.databind.JsonNode;

/**
 * A street's month, computed by hand: four cases of 湖滨街道 due in May 2025 — one on time and satisfied, one late
 * and basically satisfied, one overdue and open with a unit that never reported in, one rejected (exempt).
 */
class FiguresTest extends EvaluationServiceTest {

    private static boolean published;

    private void theMonth() {
        synchronized (FiguresTest.class) {
            if (published) {
                return;
            }
            var h = Duration.ofHours(1);
            Instant a0 = day(LocalDate.of(2025, 5, 2));
            var onTime = newCaseInS2("T-FIG-A")
                    .raised(a0, null)
                    .filed(a0.plus(h))
                    .summoned(a0.plus(h), ROAD)
                    .reported(a0.plus(h).plusSeconds(600), ROAD, WhistleReported.Report.REPORTED_IN)
                    .reported(a0.plus(h).plusSeconds(900), ROAD, WhistleReported.Report.CONTACTED_REPORTER)
                    .reported(a0.plus(Duration.ofDays(2)), ROAD, WhistleReported.Report.DONE)
                    .closed(a0.plus(Duration.ofDays(3)), WhistleClosed.Outcome.RESOLVED)
                    .feedback(a0.plus(Duration.ofDays(3)).minusSeconds(60), Rating.SATISFIED, true, null);
            Instant b0 = day(LocalDate.of(2025, 5, 3));
            var bDue = day(LocalDate.of(2025, 5, 10));
            var late = newCaseInS2("T-FIG-B")
                    .raised(b0, null)
                    .filed(b0.plus(h))
                    .summoned(b0.plus(h), ROAD)
                    .reported(b0.plus(h).plusSeconds(600), ROAD, WhistleReported.Report.REPORTED_IN)
                    .clock(WhistleEscalated.Kind.WARNING, ClockKind.RESOLVE, null, bDue, bDue.minus(h))
                    .clock(WhistleEscalated.Kind.ESCALATION, ClockKind.RESOLVE, null, bDue, bDue)
                    .reported(bDue.plus(Duration.ofDays(1)), ROAD, WhistleReported.Report.DONE)
                    .closed(bDue.plus(Duration.ofDays(2)), WhistleClosed.Outcome.RESOLVED)
                    .feedback(bDue.plus(Duration.ofDays(2)).minusSeconds(60), Rating.BASICALLY_SATISFIED, true, null);
            Instant c0 = day(LocalDate.of(2025, 5, 4));
            var cDue = day(LocalDate.of(2025, 5, 11));
            var open = newCaseInS2("T-FIG-C")
                    .raised(c0, null)
                    .filed(c0.plus(h))
                    .summoned(c0.plus(h), WATER)
                    .clock(
                            WhistleEscalated.Kind.ESCALATION,
                            ClockKind.REPORT_IN,
                            WATER,
                            c0.plus(h).plus(h),
                            c0.plus(h).plus(h))
                    .clock(WhistleEscalated.Kind.ESCALATION, ClockKind.RESOLVE, null, cDue, cDue);
            Instant d0 = day(LocalDate.of(2025, 5, 5));
            var rejected = newCaseInS2("T-FIG-D").raised(d0, null).closed(d0.plus(h), WhistleClosed.Outcome.REJECTED);
            publishAll(onTime, late, open, rejected);
            published = true;
        }
    }

    private static String dispatcherOfS2() {
        return token("dispatcher-s2", List.of("STREET_DISPATCHER"), List.of("S2"), "CC-S2");
    }

    @Test
    void countsAndRatesOfAStreetsMonthAreTheHandComputedOnes() throws Exception {
        theMonth();
        var response = get("/api/evaluation/figures?object=S2&period=2025-05", dispatcherOfS2());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var figure = json(response);
        assertThat(figure.at("/object/name").asString()).isEqualTo("湖滨街道");
        assertThat(figure.at("/period/label").asString()).isEqualTo("2025年5月");
        var f = figure.get("figures");
        assertThat(count(f, "RAISED")).isEqualTo(4);
        assertThat(count(f, "EXEMPT")).isEqualTo(1);
        assertThat(count(f, "FILED")).isEqualTo(3);
        assertThat(count(f, "DUE_FOR_HANDLING")).isEqualTo(3);
        assertThat(count(f, "HANDLED")).isEqualTo(2);
        assertThat(count(f, "HANDLED_ON_TIME")).isEqualTo(1);
        assertThat(count(f, "HANDLED_LATE")).isEqualTo(1);
        assertThat(count(f, "OVERDUE_OPEN")).isEqualTo(1);
        assertThat(count(f, "CLOSED")).isEqualTo(2);
        assertThat(count(f, "CLOSED_ON_TIME")).isEqualTo(1);
        assertThat(count(f, "FOLLOWED_UP")).isEqualTo(2);
        assertThat(count(f, "UNITS_SUMMONED")).isEqualTo(3);
        assertThat(count(f, "UNITS_REPORTED_IN_ON_TIME")).isEqualTo(2);
        assertThat(rate(f, "HANDLING")).isEqualTo("66.67%");
        assertThat(rate(f, "ON_TIME_HANDLING")).isEqualTo("33.33%");
        assertThat(rate(f, "OVERDUE_PENDING")).isEqualTo("33.33%");
        assertThat(rate(f, "SATISFACTION")).isEqualTo("90.00%");
        assertThat(rate(f, "RESOLUTION")).isEqualTo("100.00%");
        assertThat(rate(f, "REPORT_IN")).isEqualTo("66.67%");
        assertThat(rate(f, "RESPONSE")).isEqualTo("33.33%");
        // 30 × 2/3 + 20 × 1/3 + 20 × (1 − 0) + 20 × (1 − 1/3) + 10 × (1 − 0)
        assertThat(f.get("compositeText").asString()).isEqualTo("70.00");
        assertThat(figure.get("status").asString()).isEqualTo("实时数据（期间未关闭）");
    }

    @Test
    void drillsDownFromAFigureToItsCasesWithTheClockThatDecided() throws Exception {
        theMonth();
        var late = json(
                get("/api/evaluation/figures/cases?object=S2&period=2025-05&measure=HANDLED_LATE", dispatcherOfS2()));
        assertThat(late.get("label").asString()).isEqualTo("超期处置");
        assertThat(late.get("cases").size()).isEqualTo(1);
        var row = late.get("cases").get(0);
        assertThat(row.get("ticketNumber").asString()).isEqualTo("T-FIG-B");
        assertThat(row.get("onTime").asString()).isEqualTo("超期处置");
        assertThat(row.get("decidingClock").asString()).contains("RESOLVE").endsWith("到期");
        assertThat(row.get("dueAt").asString()).isEqualTo("2025年5月10日 09:00");
        assertThat(row.get("leadUnit").asString()).isEqualTo("区市政局");
        assertThat(row.get("answer").asString()).isEqualTo("基本满意");

        var reportIns = json(
                get("/api/evaluation/figures/cases?object=S2&period=2025-05&measure=UNITS_SUMMONED", dispatcherOfS2()));
        assertThat(reportIns.get("cases").valueStream().map(c -> c.get("onTime").asString()))
                .containsExactlyInAnyOrder("按时报到", "按时报到", "超时未报到");
        var exempt =
                json(get("/api/evaluation/figures/cases?object=S2&period=2025-05&measure=EXEMPT", dispatcherOfS2()));
        assertThat(exempt.get("cases").get(0).get("exemptReason").asString()).isEqualTo("无效诉求，已驳回");

        var csv = get(
                "/api/evaluation/figures/cases/export?object=S2&period=2025-05&measure=HANDLED_LATE&format=csv",
                dispatcherOfS2());
        assertThat(csv.body()).startsWith("\uFEFF案件编号,状态").contains("T-FIG-B,已结案");
        var figures = get("/api/evaluation/figures/export?object=S2&period=2025-05&format=csv", dispatcherOfS2());
        assertThat(figures.body()).contains("比率,按期处置率,33.33%,1,3").contains("综合,综合指标值,70.00");
    }

    @Test
    void eachCallerReadsOnlyTheFiguresOfTheirOwnPlaceOrUnit() throws Exception {
        theMonth();
        var otherStreet = token("dispatcher-s1", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
        assertThat(get("/api/evaluation/figures?object=S2&period=2025-05", otherStreet)
                        .statusCode())
                .isEqualTo(403);
        var resident = token("resident-1", List.of("RESIDENT"), List.of(), null);
        assertThat(get("/api/evaluation/figures?object=S2&period=2025-05", resident)
                        .statusCode())
                .isEqualTo(403);
        var roadOfficer = token("officer-road", List.of("DEPARTMENT_OFFICER"), List.of(), ROAD);
        assertThat(get("/api/evaluation/figures?object=" + ROAD + "&period=2025-05", roadOfficer)
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/api/evaluation/figures?object=S2&period=2025-05", roadOfficer)
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/evaluation/figures?object=" + WATER + "&period=2025-05", dispatcherOfS2())
                        .statusCode())
                .as("a street reads the units it summoned")
                .isEqualTo(200);
        assertThat(get("/api/evaluation/figures?object=S2&period=2025-13", dispatcherOfS2())
                        .statusCode())
                .isEqualTo(422);
    }

    static long count(JsonNode figures, String measure) {
        return figures.get("counts")
                .valueStream()
                .filter(c -> c.get("measure").asString().equals(measure))
                .findFirst()
                .orElseThrow()
                .get("value")
                .asLong();
    }

    static String rate(JsonNode figures, String rate) {
        return figures.get("rates")
                .valueStream()
                .filter(r -> r.get("rate").asString().equals(rate))
                .findFirst()
                .orElseThrow()
                .get("text")
                .asString();
    }
}
