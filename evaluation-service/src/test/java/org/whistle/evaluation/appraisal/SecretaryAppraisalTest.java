package org.whistle.evaluation.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.whistle.evaluation.EvaluationServiceTest;
import org.whistle.events.ClockKind;
import org.whistle.events.Rating;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleReported;
import tools.jackson.databind.JsonNode;

/**
 * 书记考核 end to end: the demo city's 2026 "6+32" set and secretaries seed once; a secretary's indicators fill from the
 * community's cases; the street scores manual items with evidence; a negative-list hit lowers the stars at once, the
 * annual rating sets them, a veto takes them all, every change kept; the report prints.
 */
class SecretaryAppraisalTest extends EvaluationServiceTest {

    @Autowired
    private AppraisalSeed seed;

    private static String street() {
        return token("s1-appraiser", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
    }

    @Test
    void seedsTheDemoCitysSetAndSecretariesOnce() {
        var file = Path.of("..", "demo", "evaluation", "secretary-appraisal-2026.json");
        seed.seed(file);
        assertThat(seed.seed(file)).as("a second start adds nothing").isZero();

        var kinds = jdbc.sql(
                        "SELECT kind, count(*) FROM indicator WHERE set_id = 'community-2026' GROUP BY kind ORDER BY kind")
                .query((rs, row) -> rs.getString(1) + " " + rs.getLong(2))
                .list();
        // "6+32": six core indicators from the cases and 32 general ones, two of which (G04, G05) party-member
        // participation fills automatically
        assertThat(kinds).containsExactly("AUTO 8", "MANUAL 30", "NEGATIVE 3", "VETO 2");
        assertThat(jdbc.sql("SELECT sum(points) FROM indicator WHERE set_id = 'community-2026'")
                        .query(Double.class)
                        .single())
                .isEqualTo(100.0);
        var secretaries = jdbc.sql("SELECT community_id || ' ' || name FROM secretary ORDER BY community_id")
                .query(String.class)
                .list();
        assertThat(secretaries).contains("230202002001 郑翠花", "230203003001 万立新", "230225100001 王静");
        assertThat(jdbc.sql("SELECT count(*) FROM star_change c JOIN secretary s USING (secretary_id)"
                                + " WHERE s.community_id = '230225100001' AND c.kind = 'INITIAL'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void listsTheIndicatorSetsOfEveryYearOrOfOne() throws Exception {
        seed.seed(Path.of("..", "demo", "evaluation", "secretary-appraisal-2026.json"));

        // Without a year the list answered 500: PostgreSQL cannot type a bare null parameter.
        var all = get("/api/evaluation/indicator-sets", street());
        var year = get("/api/evaluation/indicator-sets?year=2026", street());
        var none = get("/api/evaluation/indicator-sets?year=1999", street());

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(json(all).values())
                .extracting(set -> set.get("id").asString())
                .contains("community-2026");
        assertThat(json(year).values())
                .extracting(set -> set.get("id").asString())
                .contains("community-2026");
        assertThat(json(none).size()).isZero();
    }

    @Test
    void appraisesASecretaryFromTheCommunitysCasesAndTheStreetsScores() throws Exception {
        seed.seed(Path.of("..", "demo", "evaluation", "secretary-appraisal-2026.json"));
        var t = day(LocalDate.of(2026, 2, 9));
        var due = t.plus(Duration.ofDays(7));
        var onTime = newCase("T-SEC-1")
                .raised(t, null)
                .filed(t.plusSeconds(60))
                .summoned(t.plusSeconds(120), WATER)
                .reported(t.plusSeconds(600), WATER, WhistleReported.Report.REPORTED_IN)
                .reported(t.plusSeconds(900), WATER, WhistleReported.Report.CONTACTED_REPORTER)
                .reported(t.plusSeconds(86_400), WATER, WhistleReported.Report.DONE)
                .feedback(t.plusSeconds(90_000), Rating.SATISFIED, true, null);
        var late = newCase("T-SEC-2")
                .raised(t, null)
                .filed(t.plusSeconds(60))
                .summoned(t.plusSeconds(120), ROAD)
                .reported(t.plusSeconds(700), ROAD, WhistleReported.Report.REPORTED_IN)
                .clock(WhistleEscalated.Kind.WARNING, ClockKind.RESOLVE, null, due, due.minus(Duration.ofHours(30)))
                .clock(WhistleEscalated.Kind.ESCALATION, ClockKind.RESOLVE, null, due, due)
                .reported(due.plus(Duration.ofHours(2)), ROAD, WhistleReported.Report.DONE)
                .feedback(due.plus(Duration.ofHours(5)), Rating.BASICALLY_SATISFIED, false, null);
        publishAll(onTime, late);

        var added = send(
                "POST",
                "/api/evaluation/secretaries",
                administrator(),
                "{\"community\": \"K1\", \"name\": \"李红\", \"tookOffice\": \"2020-01-06\", \"stars\": 3, \"reason\": \"2025年度初评\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        var id = json(added).get("id").asString();
        var base = "/api/evaluation/secretaries/" + id;

        // the street scores a manual item with evidence; the community's own staff read but do not score
        var staff = token("k1-staff", List.of("COMMUNITY_STAFF"), List.of("K1"), "K1-JWH");
        var score = "{\"period\": \"2026-Q1\", \"indicator\": \"G01\", \"points\": %s, \"evidence\": \"%s\"}";
        assertThat(send("POST", base + "/scores", staff, score.formatted("1", "自评"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", base + "/scores", street(), score.formatted("2", "超出分值"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(send(
                                "POST",
                                base + "/scores",
                                street(),
                                "{\"period\": \"2026-Q1\", \"indicator\": \"C1\", \"points\": 5, \"evidence\": \"手工\"}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(send("POST", base + "/scores", street(), score.formatted("1", "班子会议记录齐全"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", base + "/scores", street(), score.formatted("1.25", "补充了2月党员大会记录"))
                        .statusCode())
                .isEqualTo(200);

        // a negative-list hit lowers the stars at once
        var hit = send(
                "POST",
                base + "/scores",
                street(),
                "{\"period\": \"2026-Q1\", \"indicator\": \"N2\", \"evidence\": \"2月15日小区停暖集体上访处置不力\"}");
        assertThat(hit.statusCode()).as(hit.body()).isEqualTo(200);
        assertThat(json(hit).get("stars").asInt()).isEqualTo(2);

        var quarter = json(get(base + "/results?period=2026-Q1", staff));
        assertThat(quarter.get("periodName").asString()).isEqualTo("2026年第1季度");
        assertThat(quarter.get("communityName").asString()).isEqualTo("繁荣社区");
        var lines = StreamSupport.stream(quarter.get("lines").values().spliterator(), false)
                .toList();
        assertThat(line(lines, "C4").get("figure").asDouble()).as("按期处置率").isEqualTo(50.0);
        // 满意率: (1 satisfied + 1 basically satisfied × 0.8) / 2 followed up
        assertThat(line(lines, "C3").get("figure").asDouble()).isEqualTo(90.0);
        assertThat(line(lines, "C3").get("points").asDouble()).isEqualTo(9.47);
        assertThat(line(lines, "C5").get("points").asDouble()).as("no rework").isEqualTo(10.0);
        assertThat(line(lines, "C6").get("figure").asDouble()).as("报到率").isEqualTo(100.0);
        assertThat(line(lines, "G01").get("points").asDouble())
                .as("the newest score stands")
                .isEqualTo(1.25);
        assertThat(line(lines, "G02").get("note").asString()).isEqualTo("尚未评分");
        assertThat(line(lines, "N2").get("hits").asInt()).isEqualTo(1);
        double sum = lines.stream()
                .filter(l -> !l.get("points").isNull())
                .mapToDouble(l -> l.get("points").asDouble())
                .sum();
        assertThat(quarter.get("total").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.05));
        assertThat(quarter.get("scores").values()).hasSize(3);

        // the annual rating sets the stars from the year's result, the negative list counted
        var annual = json(send("POST", base + "/stars/annual", street(), "{\"year\": 2026}"));
        assertThat(annual.get("stars").asInt())
                .isEqualTo(annual.get("earnedStars").asInt());
        assertThat(annual.get("negativeStars").asInt()).isEqualTo(1);

        // a veto takes every star; the appraising body may adjust with a reason; every change is on record
        var veto = json(send(
                "POST",
                base + "/scores",
                street(),
                "{\"period\": \"2026-Q1\", \"indicator\": \"V1\", \"evidence\": \"3月2日辖区发生较大安全生产事故\"}"));
        assertThat(veto.get("stars").asInt()).isZero();
        assertThat(send("POST", base + "/stars", staff, "{\"stars\": 2, \"reason\": \"创新\", \"year\": 2026}")
                        .statusCode())
                .isEqualTo(403);
        var adjusted = json(send(
                "POST",
                base + "/stars",
                administrator(),
                "{\"stars\": 1, \"reason\": \"事故系上级管辖企业所致，复核后恢复一星\", \"year\": 2026}"));
        assertThat(adjusted.get("starHistory").values())
                .extracting(
                        c -> c.get("kindLabel").asString() + " " + c.get("to").asInt())
                .containsExactly(
                        "初评 3", "负面清单降星 2", "年度评定 " + annual.get("stars").asInt(), "一票否决 0", "动态调整 1");
        assertThat(adjusted.get("vetoed").asBoolean()).isTrue();
        assertThat(adjusted.get("starHistory").values())
                .allSatisfy(c -> assertThat(c.get("at").asString()).endsWith("+08:00"));

        // the printable report, and nobody outside the community's line reads it
        HttpResponse<String> report = get(base + "/report?period=2026", street());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(report.headers().firstValue("Content-Security-Policy").orElse(""))
                .as("its own policy: the gateway's page policy forbids its inline style")
                .startsWith("default-src 'none'; style-src 'sha256-");
        assertThat(report.body()).doesNotContain("<script", "onclick");
        assertThat(report.body())
                .contains("繁荣社区党组织书记2026年考核报告", "李红", "@media print", "星级调整记录", "已否决", "北京时间")
                .doesNotContain("null", "NEGATIVE", "MANUAL");
        var otherStreet = token("s2", List.of("STREET_DISPATCHER"), List.of("S2"), "CC-S2");
        assertThat(get(base + "/report?period=2026", otherStreet).statusCode()).isEqualTo(404);
        assertThat(get(base + "/results?period=2026-Q5", street()).statusCode()).isEqualTo(422);
    }

    /**
     * Closing a quarter freezes the secretaries' automatic indicators with it, like the 双考核 appraisals: a case that
     * arrives later shows as a pending change beside the result and does not move it.
     */
    @Test
    void aClosedQuartersAutomaticIndicatorsAreFrozenALateCaseShowsAsPendingAndAnAdministratorAdjustsThem()
            throws Exception {
        seed.seed(Path.of("..", "demo", "evaluation", "secretary-appraisal-2026.json"));
        var t = day(LocalDate.of(2026, 8, 10));
        var onTime = newCase("T-SEC-FRZ-1")
                .raised(t, null)
                .filed(t.plusSeconds(60))
                .summoned(t.plusSeconds(120), WATER)
                .reported(t.plusSeconds(600), WATER, WhistleReported.Report.REPORTED_IN)
                .reported(t.plusSeconds(86_400), WATER, WhistleReported.Report.DONE)
                .feedback(t.plusSeconds(90_000), Rating.SATISFIED, true, null);
        publishAll(onTime);
        var added = send(
                "POST",
                "/api/evaluation/secretaries",
                administrator(),
                "{\"community\": \"K1\", \"name\": \"周敏\", \"tookOffice\": \"2021-03-01\", \"stars\": 3,"
                        + " \"reason\": \"2025年度初评\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        var base = "/api/evaluation/secretaries/" + json(added).get("id").asString();
        var before = json(get(base + "/results?period=2026-Q3", street()));
        assertThat(before.get("frozen").isNull()).as("an open quarter is live").isTrue();

        var closed = send("POST", "/api/evaluation/periods/2026-Q3/close", administrator(), null);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        var frozen = json(get(base + "/results?period=2026-Q3", street()));
        assertThat(frozen.get("frozen").get("pending").asBoolean()).isFalse();
        assertThat(frozen.get("frozen").get("note").asString()).startsWith("自动指标按2026年第3季度关闭时");
        var onTimeRate = line(lines(frozen), "C4").get("figure").asDouble();
        assertThat(onTimeRate).as("按期处置率").isEqualTo(100.0);

        var due = t.plus(Duration.ofDays(7));
        var late = newCase("T-SEC-FRZ-2")
                .raised(t, null)
                .filed(t.plusSeconds(60))
                .summoned(t.plusSeconds(120), ROAD)
                .reported(t.plusSeconds(700), ROAD, WhistleReported.Report.REPORTED_IN)
                .clock(WhistleEscalated.Kind.WARNING, ClockKind.RESOLVE, null, due, due.minus(Duration.ofHours(30)))
                .clock(WhistleEscalated.Kind.ESCALATION, ClockKind.RESOLVE, null, due, due)
                .reported(due.plus(Duration.ofHours(2)), ROAD, WhistleReported.Report.DONE);
        publishAll(late);

        var after = json(get(base + "/results?period=2026-Q3", street()));
        assertThat(line(lines(after), "C4").get("figure").asDouble())
                .as("the closed quarter's figure stands")
                .isEqualTo(onTimeRate);
        assertThat(after.get("frozen").get("pending").asBoolean()).isTrue();
        assertThat(after.get("frozen").get("note").asString()).endsWith("尚未计入");
        var report = get(base + "/report?period=2026-Q3", street());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).as("the printable report says so too").contains("自动指标按2026年第3季度关闭时");

        // an administrator adjusts them, with a reason, like the 双考核 appraisals; the closing figures stay on record
        var adjustments = base + "/adjustments";
        var body = "{\"period\": \"2026-Q3\", \"reason\": \"补录迟到的案件\"}";
        assertThat(send("POST", adjustments, street(), body).statusCode())
                .as("only an administrator adjusts")
                .isEqualTo(403);
        var noReason = send("POST", adjustments, administrator(), "{\"period\": \"2026-Q3\"}");
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(422);
        var open = send("POST", adjustments, administrator(), "{\"period\": \"2026-Q4\", \"reason\": \"试试\"}");
        assertThat(open.statusCode())
                .as("an open quarter froze nothing: " + open.body())
                .isEqualTo(409);
        var adjusted = send("POST", adjustments, administrator(), body);
        assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(200);
        var now = json(adjusted);
        assertThat(line(lines(now), "C4").get("figure").asDouble())
                .as("the late case now counts")
                .isEqualTo(50.0);
        assertThat(now.get("frozen").get("pending").asBoolean()).isFalse();
        assertThat(now.get("frozen").get("note").asString()).contains("此后经管理员调整 1 次");
        var adjustment = now.get("frozen").get("adjustments").get(0);
        assertThat(adjustment.get("reason").asString()).isEqualTo("补录迟到的案件");
        assertThat(adjustment.get("at").asString()).endsWith("+08:00");
        assertThat(StreamSupport.stream(adjustment.get("changes").values().spliterator(), false)
                        .map(JsonNode::asString))
                .contains("按期处置率：100% → 50%");
        assertThat(json(get(base + "/results?period=2026-Q3", street()))
                        .get("frozen")
                        .get("adjustments")
                        .size())
                .as("the street reads the adjustment beside the result")
                .isEqualTo(1);
        var again = send("POST", adjustments, administrator(), body);
        assertThat(again.statusCode())
                .as("nothing left to change: " + again.body())
                .isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM secretary_rates_adjustment WHERE secretary_id = CAST(:id AS uuid)")
                        .param("id", json(added).get("id").asString())
                        .query(Long.class)
                        .single())
                .as("refusals record nothing")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT original_rates->>'ON_TIME_HANDLING' FROM frozen_secretary_rates"
                                + " WHERE period_code = '2026-Q3' AND secretary_id = CAST(:id AS uuid)")
                        .param("id", json(added).get("id").asString())
                        .query(String.class)
                        .single())
                .as("the figure as it stood at closing stays")
                .isEqualTo("1.0");
        assertThat(get(base + "/report?period=2026-Q3", street()).body())
                .contains("自动指标调整记录")
                .contains("补录迟到的案件");
    }

    private static List<JsonNode> lines(JsonNode result) {
        return StreamSupport.stream(result.get("lines").values().spliterator(), false)
                .toList();
    }

    private static JsonNode line(List<JsonNode> lines, String code) {
        return lines.stream()
                .filter(l -> l.get("code").asString().equals(code))
                .findFirst()
                .orElseThrow();
    }
}
