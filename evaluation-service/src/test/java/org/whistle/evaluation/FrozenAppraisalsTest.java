package org.whistle.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.events.ClockKind;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleReported;
import tools.jackson.databind.JsonNode;

/**
 * A closed period's 双考核 appraisals are frozen with it (ADR 0038): a case that arrives after the month closed does not
 * move the published appraisal, it waits as a pending change; an administrator's adjustment (with a reason) moves it,
 * the original stays beside the adjusted row, and the adjustment is on record with its author.
 */
class FrozenAppraisalsTest extends EvaluationServiceTest {

    private static final String MONTH = "2024-08";

    private static String districtLeader() {
        return token("leader-d", List.of("LEADER"), List.of("D"), null);
    }

    @Test
    void aClosedMonthsAppraisalMovesOnlyThroughAnAdjustment() throws Exception {
        var t = day(LocalDate.of(2024, 8, 5));
        var onTime = newCase("T-FRZ-A")
                .raised(t, null)
                .filed(t.plusSeconds(60))
                .summoned(t.plusSeconds(120), WATER)
                .reported(t.plusSeconds(600), WATER, WhistleReported.Report.REPORTED_IN)
                .reported(t.plusSeconds(86_400), WATER, WhistleReported.Report.DONE);
        publishAll(onTime);
        rate(onTime, 90);

        // composite 100 (one case due, handled on time), rated 90: 100 × 0.6 + 90 × 0.4 = 96
        assertThat(waterRow().get("score").asDouble()).isEqualTo(96.0);
        assertThat(absent(table().path("closed"))).isTrue();

        var closed = send("POST", "/api/evaluation/periods/" + MONTH + "/close", administrator(), null);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(table().get("closed").get("pending").asBoolean()).isFalse();
        assertThat(waterRow().get("score").asDouble()).isEqualTo(96.0);

        // A late case of August, handled late, arrives after the month closed: the frozen appraisal does not move.
        var due = t.plus(Duration.ofDays(7));
        var late = newCase("T-FRZ-B")
                .raised(t, null)
                .filed(t.plusSeconds(60))
                .summoned(t.plusSeconds(120), WATER)
                .reported(t.plusSeconds(900), WATER, WhistleReported.Report.REPORTED_IN)
                .clock(WhistleEscalated.Kind.WARNING, ClockKind.RESOLVE, null, due, due.minus(Duration.ofHours(30)))
                .clock(WhistleEscalated.Kind.ESCALATION, ClockKind.RESOLVE, null, due, due)
                .reported(due.plus(Duration.ofHours(5)), WATER, WhistleReported.Report.DONE);
        publishAll(late);
        var frozen = table();
        assertThat(frozen.get("closed").get("pending").asBoolean()).isTrue();
        assertThat(frozen.get("closed").get("note").asString()).contains("须由管理员调整");
        assertThat(waterRow().get("score").asDouble()).isEqualTo(96.0);
        assertThat(waterRow().get("cases").get("due").asLong()).isEqualTo(1);
        assertThat(absent(waterRow().path("original"))).isTrue();

        // Only an administrator adjusts, and only with a reason.
        var path = "/api/evaluation/appraisals/periods/" + MONTH + "/adjustments";
        var body = "{\"kind\": \"DEPARTMENT\", \"reason\": \"补入八月迟到的工单\"}";
        assertThat(send("POST", path, districtLeader(), body).statusCode()).isEqualTo(403);
        assertThat(send("POST", path, administrator(), "{\"kind\": \"DEPARTMENT\"}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(send("POST", "/api/evaluation/appraisals/periods/1999-12/adjustments", administrator(), body)
                        .statusCode())
                .isEqualTo(404);
        var adjusted = send("POST", path, administrator(), body);
        assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(200);
        assertThat(json(adjusted).get("changedRows").asInt()).isPositive();

        // composite: 处置率 30 + 按期 (1/2) × 20 + 返工 20 + 超期待处置 20 + 延期 10 = 90; rated 90: 90 — the original beside it
        var water = waterRow();
        assertThat(water.get("score").asDouble()).isEqualTo(90.0);
        assertThat(water.get("cases").get("due").asLong()).isEqualTo(2);
        assertThat(water.get("original").get("score").asDouble()).isEqualTo(96.0);
        assertThat(water.get("original").get("due").asLong()).isEqualTo(1);
        var officer = token("o-water", List.of("DEPARTMENT_OFFICER"), List.of("D"), WATER);
        var own = json(get("/api/evaluation/appraisals/departments/" + WATER + "?period=" + MONTH, officer));
        assertThat(own.get("score").asDouble()).isEqualTo(90.0);
        assertThat(own.get("original").get("score").asDouble()).isEqualTo(96.0);

        var after = table();
        assertThat(after.get("closed").get("pending").asBoolean()).isFalse();
        assertThat(after.get("closed").get("adjustments").values())
                .extracting(a -> a.get("kindLabel").asString() + " "
                        + a.get("reason").asString() + " " + a.get("author").asString())
                .containsExactly("部门考核 补入八月迟到的工单 admin-1（admin-1）");
        assertThat(json(get(path, districtLeader())).values())
                .extracting(a -> a.get("reason").asString())
                .containsExactly("补入八月迟到的工单");
        assertThat(get(path, officer).statusCode()).isEqualTo(403);
        // Nothing changed since: a second adjustment is refused rather than recorded for nothing.
        assertThat(send("POST", path, administrator(), body).statusCode()).isEqualTo(409);
    }

    private JsonNode table() throws Exception {
        return json(get("/api/evaluation/appraisals/departments?area=D&period=" + MONTH, districtLeader()));
    }

    private JsonNode waterRow() throws Exception {
        return table().get("rows").values().stream()
                .filter(r -> r.get("unitId").asString().equals(WATER))
                .findFirst()
                .orElseThrow();
    }

    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }

    private void rate(Case c, int score) throws Exception {
        var token = token("d-S1", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
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
