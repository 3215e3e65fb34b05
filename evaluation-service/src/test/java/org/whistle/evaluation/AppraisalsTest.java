package org.whistle.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleReported;

/**
 * 双考核 appraisals of a month, checked against figures computed by hand: a department's from its cases and the ratings
 * of both streets that summoned it, a street's from its cases and how its whistles were answered; both ranked.
 */
class AppraisalsTest extends EvaluationServiceTest {

    /** A department only this test knows, so no other test class can have summoned it. */
    private static final String PARKS = "DEP-PARKS";

    private static String dispatcherOf(String street, String centre) {
        return token("d-" + street, List.of("STREET_DISPATCHER"), List.of(street), centre);
    }

    private static String districtLeader() {
        return token("leader-d", List.of("LEADER"), List.of("D"), null);
    }

    @Test
    void appraisesAndRanksDepartmentsAndStreetsOfAMonth() throws Exception {
        var t = day(LocalDate.of(2024, 11, 4));
        var due = t.plus(Duration.ofDays(7));
        // S1: WATER handles on time; ROAD handles late by its resolve clock. S2: WATER handles on time.
        var a = newCase("T-APP-A")
                .raised(t, null)
                .filed(t.plusSeconds(60))
                .summoned(t.plusSeconds(120), WATER)
                .reported(t.plusSeconds(600), WATER, WhistleReported.Report.REPORTED_IN)
                .reported(t.plusSeconds(86_400), WATER, WhistleReported.Report.DONE);
        var b = newCase("T-APP-B")
                .raised(t, null)
                .filed(t.plusSeconds(60))
                .summoned(t.plusSeconds(120), ROAD)
                .reported(t.plusSeconds(900), ROAD, WhistleReported.Report.REPORTED_IN)
                .clock(WhistleEscalated.Kind.WARNING, ClockKind.RESOLVE, null, due, due.minus(Duration.ofHours(30)))
                .clock(WhistleEscalated.Kind.ESCALATION, ClockKind.RESOLVE, null, due, due)
                .reported(due.plus(Duration.ofHours(5)), ROAD, WhistleReported.Report.DONE);
        var c = newCaseInS2("T-APP-C")
                .raised(t, null)
                .filed(t.plusSeconds(60))
                .summoned(t.plusSeconds(120), WATER)
                .reported(t.plusSeconds(700), WATER, WhistleReported.Report.REPORTED_IN)
                .reported(t.plusSeconds(50_000), WATER, WhistleReported.Report.DONE);
        publishAll(a, b, c);

        rate(dispatcherOf("S1", STREET_CENTRE), a, 90);
        rate(dispatcherOf("S1", STREET_CENTRE), b, 60);
        rate(dispatcherOf("S2", "CC-S2"), c, 80);

        var departments = json(get("/api/evaluation/appraisals/departments?area=D&period=2024-11", districtLeader()));
        assertThat(departments.get("period").asString()).isEqualTo("2024年11月");
        assertThat(departments.get("areaName").asString()).isEqualTo("龙沙区");
        var rows = List.copyOf(departments.get("rows").values());
        assertThat(rows)
                .extracting(r -> r.get("rank").asInt() + " " + r.get("unitName").asString() + " "
                        + r.get("score").asDouble())
                .containsExactly("1 区水务局 94.0", "2 区市政局 72.0");
        var water = rows.getFirst();
        // composite 100 (2 due, both handled on time), ratings (90 + 80) / 2 = 85: 100 × 0.6 + 85 × 0.4 = 94
        assertThat(water.get("composite").asDouble()).isEqualTo(100.0);
        assertThat(water.get("ratingAverage").asDouble()).isEqualTo(85.0);
        assertThat(water.get("byCentre").values())
                .extracting(r ->
                        r.get("centreName").asString() + " " + r.get("average").asDouble())
                .containsExactly("五龙街道指挥中心 90.0", "湖滨街道指挥中心 80.0");
        assertThat(water.get("answers").get("reportInRate").asDouble()).isEqualTo(100.0);
        assertThat(water.get("movementLabel").asString()).isEqualTo("—");
        // ROAD: handled late: 处置率 30 + 按期 0 + 返工 20 + 超期待处置 20 + 延期 10 = 80; rated 60: 80 × 0.6 + 60 × 0.4 = 72
        assertThat(rows.get(1).get("cases").get("onTimeHandlingRate").asDouble())
                .isZero();
        assertThat(rows.get(1).get("composite").asDouble()).isEqualTo(80.0);

        var streets = json(get("/api/evaluation/appraisals/streets?area=D&period=2024-11", districtLeader()));
        assertThat(streets.get("rows").values())
                .extracting(r -> r.get("rank").asInt() + " "
                        + r.get("streetName").asString() + " " + r.get("score").asDouble())
                .containsExactly("1 湖滨街道 100.0", "2 五龙街道 93.0");

        // access: a street reads its own area, not its district; a unit its own appraisal; a centre a unit it rated
        assertThat(get("/api/evaluation/appraisals/streets?area=D&period=2024-11", dispatcherOf("S1", STREET_CENTRE))
                        .statusCode())
                .isEqualTo(403);
        assertThat(json(get(
                                "/api/evaluation/appraisals/streets?area=S1&period=2024-11",
                                dispatcherOf("S1", STREET_CENTRE)))
                        .get("rows")
                        .values())
                .extracting(r -> r.get("streetId").asString())
                .containsExactly("S1");
        var officer = token("o-water", List.of("DEPARTMENT_OFFICER"), List.of("D"), WATER);
        assertThat(json(get("/api/evaluation/appraisals/departments/" + WATER + "?period=2024-11", officer))
                        .get("score")
                        .asDouble())
                .isEqualTo(94.0);
        assertThat(get("/api/evaluation/appraisals/departments/" + ROAD + "?period=2024-11", officer)
                        .statusCode())
                .isEqualTo(403);
        assertThat(get(
                                "/api/evaluation/appraisals/departments/" + WATER + "?period=2024-11",
                                dispatcherOf("S2", "CC-S2"))
                        .statusCode())
                .isEqualTo(200);
        // A department no case of any test summons: a street centre that never summoned it is told it does not
        // exist for it, while the district, whose area holds it, reads it.
        node(PARKS, "DEPARTMENT", "区园林局", "D", List.of("C", "D"), CommandLevel.DISTRICT, "D");
        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("SELECT count(*) FROM org_unit WHERE unit_id = :id")
                                .param("id", PARKS)
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(get("/api/evaluation/appraisals/departments/" + PARKS + "?period=2024-11", districtLeader())
                        .statusCode())
                .isEqualTo(200);
        assertThat(get(
                                "/api/evaluation/appraisals/departments/" + PARKS + "?period=2024-11",
                                dispatcherOf("S2", "CC-S2"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/evaluation/appraisals/departments?area=D&period=2024-13", districtLeader())
                        .statusCode())
                .isEqualTo(422);

        // new weights from November: half and half; the author and reason are kept, a version is never rewritten
        var weights = """
                {"kind": "DEPARTMENT", "effectiveFrom": "2024-11-01", "handling": 30, "onTimeHandling": 20,
                 "rework": 20, "overduePending": 20, "extension": 10, "caseShare": 0.5, "otherShare": 0.5,
                 "reason": "加大街道评价的分量"}
                """;
        assertThat(send("POST", "/api/evaluation/appraisals/weights", districtLeader(), weights)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/evaluation/appraisals/weights", administrator(), weights.replace("30,", "31,"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(send("POST", "/api/evaluation/appraisals/weights", administrator(), weights)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/evaluation/appraisals/weights", administrator(), weights)
                        .statusCode())
                .isEqualTo(409);
        var reweighed = json(get("/api/evaluation/appraisals/departments?area=D&period=2024-11", districtLeader()));
        assertThat(reweighed.get("weights").get("caseShare").asDouble()).isEqualTo(0.5);
        assertThat(reweighed.get("rows").get(0).get("score").asDouble()).isEqualTo(92.5);
    }

    private void rate(String token, Case c, int score) throws Exception {
        var part = await().atMost(PATIENCE)
                .until(
                        () -> json(get("/api/evaluation/ratings/to-give", token)).values().stream()
                                .filter(r -> r.get("whistleId").asString().equals(c.id().toString()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        var body = "{\"reportedInOnTime\": true, \"cameOnSite\": true, \"stayedUntilDone\": true,"
                + " \"quality\": \"GOOD\", \"score\": " + score + "}";
        var rated = send("POST", "/api/evaluation/ratings/" + part.get("id").asString() + "/rating", token, body);
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
    }
}
