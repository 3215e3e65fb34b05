package org.whistle.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.events.ClockKind;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleReported;

/**
 * Streets of district D ranked by 按期处置率 in October 2025: S1 handles its one case on time, S2 one of two. In
 * September only S2 had a case (first then, so it falls one place; S1 is new on the list) — with 红黑榜, 环比 and
 * the exports.
 */
class RankingsTest extends EvaluationServiceTest {

    private static boolean published;

    private void october() {
        synchronized (RankingsTest.class) {
            if (published) {
                return;
            }
            var h = Duration.ofHours(1);
            var t = day(LocalDate.of(2025, 10, 8));
            var s1 = newCase("T-RANK-1")
                    .raised(t, null)
                    .filed(t.plus(h))
                    .summoned(t.plus(h), ROAD)
                    .reported(t.plus(h).plus(h), ROAD, WhistleReported.Report.DONE);
            var s2a = newCaseInS2("T-RANK-2")
                    .raised(t, null)
                    .filed(t.plus(h))
                    .summoned(t.plus(h), ROAD)
                    .reported(t.plus(h).plus(h), ROAD, WhistleReported.Report.DONE);
            var due = day(LocalDate.of(2025, 10, 15));
            var s2b = newCaseInS2("T-RANK-3")
                    .raised(t, null)
                    .filed(t.plus(h))
                    .summoned(t.plus(h), ROAD)
                    .clock(WhistleEscalated.Kind.ESCALATION, ClockKind.RESOLVE, null, due, due)
                    .reported(due.plus(h), ROAD, WhistleReported.Report.DONE);
            var t9 = day(LocalDate.of(2025, 9, 3));
            var september = newCaseInS2("T-RANK-4")
                    .raised(t9, null)
                    .filed(t9.plus(h))
                    .summoned(t9.plus(h), ROAD)
                    .reported(t9.plus(h).plus(h), ROAD, WhistleReported.Report.DONE);
            publishAll(s1, s2a, s2b, september);
            published = true;
        }
    }

    private static String districtDispatcher() {
        return token("dispatcher-d", List.of("DISTRICT_DISPATCHER"), List.of("D"), "CC-D");
    }

    @Test
    void refusesALevelThatNamesNothingNamingTheChoicesInChinese() throws Exception {
        for (var path : List.of(
                "/api/evaluation/rankings?level=GALAXY&within=D&period=2025-10",
                "/api/evaluation/rankings/export?level=GALAXY&within=D&period=2025-10",
                "/api/evaluation/rankings?level=street&within=D&period=2025-10")) {
            var response = get(path, districtDispatcher());

            assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            var error = json(response).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("level");
            assertThat(error.get("message").asString())
                    .contains("街道乡镇", "网格", "职能部门")
                    .doesNotContain("STREET", "GALAXY");
        }
    }

    @Test
    void refusesAnIndicatorThatNamesNothingNamingTheChoices() throws Exception {
        var response =
                get("/api/evaluation/rankings?level=STREET&within=D&period=2025-10&by=SPEED", districtDispatcher());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(json(response).get("errors").get(0).get("message").asString())
                .contains("综合指标值", "按期处置率")
                .doesNotContain("SPEED");
    }

    @Test
    void ranksTheStreetsOfADistrictWithMovementAndTheRedAndBlackLists() throws Exception {
        october();
        var response = get(
                "/api/evaluation/rankings?level=STREET&within=D&period=2025-10&by=ON_TIME_HANDLING&top=1",
                districtDispatcher());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var ranking = json(response);
        assertThat(ranking.get("byLabel").asString()).isEqualTo("按期处置率");
        var rows = ranking.get("rows");
        assertThat(rows.get(0).get("name").asString()).isEqualTo("五龙街道");
        assertThat(rows.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(rows.get(0).get("valueText").asString()).isEqualTo("100.00%");
        assertThat(rows.get(0).get("movement").asString()).isEqualTo("新上榜");
        assertThat(rows.get(1).get("name").asString()).isEqualTo("湖滨街道");
        assertThat(rows.get(1).get("valueText").asString()).isEqualTo("50.00%");
        assertThat(rows.get(1).get("movement").asString()).isEqualTo("↓1");
        assertThat(rows.get(1).get("periodOnPeriod").asString()).isEqualTo("-50.00 个百分点");
        assertThat(ranking.get("red").get(0).get("name").asString()).isEqualTo("五龙街道");
        assertThat(ranking.get("black").get(0).get("name").asString()).isEqualTo("湖滨街道");

        var street = token("dispatcher-s1", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
        assertThat(get("/api/evaluation/rankings?level=STREET&within=D&period=2025-10", street)
                        .statusCode())
                .as("a street does not read the district's ranking before it is published")
                .isEqualTo(403);
    }

    @Test
    void exportsTheRankingAsCsvAndXlsx() throws Exception {
        october();
        var csv = get(
                "/api/evaluation/rankings/export?level=STREET&within=D&period=2025-10&by=ON_TIME_HANDLING&format=csv",
                districtDispatcher());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF排名,名称,按期处置率").contains("1,五龙街道,100.00%");
        var xlsx = bytes(
                "/api/evaluation/rankings/export?level=STREET&within=D&period=2025-10&format=xlsx",
                districtDispatcher());
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx))) {
            String sheet = null;
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            assertThat(sheet).contains("五龙街道").contains("湖滨街道");
        }
    }

    private byte[] bytes(String path, String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }
}
