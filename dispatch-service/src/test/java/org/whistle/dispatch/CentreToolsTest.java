package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.whistle.events.WhistleRaised;

/** The command centre's queue tools: bulk 受理、派哨、结案, and what closing does to a co-unit still 待报到. */
class CentreToolsTest extends DispatchServiceTestBase {

    @Test
    void bulkActionsChangeEachTicketAsTheSingleActionWouldAndSayPerTicketWhatHappened() {
        var street = streetDispatcherOfGannanTown();
        var first = raise(roadDamage());
        var second = raise(roadDamage());
        var filedAlready = raise(roadDamage());
        post("/api/tickets/" + filedAlready + "/file", street).ok();
        var elsewhere =
                raise(whistle(DemoCity.ROAD_DAMAGE, DemoCity.XINGSHISI_GRID_1, DemoCity.XINGSHISI_TOWN, "兴十四镇路面破损"));
        var nowhere = UUID.randomUUID().toString();
        assertThat(post(
                                "/api/tickets/bulk",
                                officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN),
                                Map.of("action", "FILE", "tickets", List.of(first)))
                        .status())
                .as("bulk actions are a command centre's")
                .isEqualTo(403);
        assertThat(post("/api/tickets/bulk", street, Map.of("action", "FILE", "tickets", List.of()))
                        .status())
                .isEqualTo(422);

        var filed = post(
                        "/api/tickets/bulk",
                        street,
                        Map.of("action", "FILE", "tickets", List.of(first, second, filedAlready, elsewhere, nowhere)))
                .ok();

        assertThat(filed.body().at("/done").asInt()).isEqualTo(2);
        assertThat(filed.body().at("/refused").asInt()).isEqualTo(3);
        var results = filed.body().at("/results");
        assertThat(results.get(0).at("/done").asBoolean()).isTrue();
        assertThat(results.get(0).at("/message").asString()).isEqualTo("已受理");
        assertThat(results.get(0).at("/number").asString()).startsWith("QQHR-");
        assertThat(results.get(1).at("/done").asBoolean()).isTrue();
        assertThat(results.get(2).at("/done").asBoolean()).isFalse();
        assertThat(results.get(2).at("/message").asString()).startsWith("未受理：");
        assertThat(results.get(3).at("/message").asString())
                .as("another street's ticket is neither changed nor revealed")
                .isEqualTo("未找到这张工单，或您无权查看");
        assertThat(results.get(3).at("/number").isNull()).isTrue();
        assertThat(results.get(4).at("/message").asString()).isEqualTo("未找到这张工单，或您无权查看");
        assertThat(get("/api/tickets/" + first, street).ok().text("/state")).isEqualTo("FILED");
        assertThat(jdbc.sql("SELECT state FROM ticket WHERE id = CAST(:id AS uuid)")
                        .param("id", elsewhere)
                        .query(String.class)
                        .single())
                .isEqualTo("RAISED");

        var summoned = post(
                        "/api/tickets/bulk",
                        street,
                        Map.of(
                                "action",
                                "SUMMON",
                                "tickets",
                                List.of(first, second),
                                "lead",
                                DemoCity.ROADS_SECTION,
                                "coUnits",
                                List.of(DemoCity.GANNAN_URBAN_MANAGEMENT)))
                .ok();
        assertThat(summoned.body().at("/done").asInt()).isEqualTo(2);
        assertThat(summoned.body().at("/results/0/message").asString()).isEqualTo("已派哨");
        var shown = get("/api/tickets/" + second, street).ok();
        assertThat(shown.text("/state")).isEqualTo("DISPATCHED");
        assertThat(shown.body().at("/timeline").findValuesAsString("action")).contains("SUMMON");

        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        post("/api/tickets/" + first + "/tasks/" + DemoCity.ROADS_SECTION + "/report-in", roads)
                .ok();
        post(
                        "/api/tickets/" + first + "/tasks/" + DemoCity.ROADS_SECTION + "/done",
                        roads,
                        Map.of("evidence", List.of(SeedStoriesServiceTest.PHOTO)))
                .ok();
        post("/api/tickets/" + first + "/verify", street, Map.of("pass", true)).ok();

        var closed = post("/api/tickets/bulk", street, Map.of("action", "CLOSE", "tickets", List.of(first, second)))
                .ok();

        assertThat(closed.body().at("/results/0/message").asString()).isEqualTo("已结案");
        assertThat(closed.body().at("/results/1/done").asBoolean()).isFalse();
        assertThat(closed.body().at("/results/1/message").asString()).startsWith("未结案：");
        assertThat(get("/api/tickets/" + second, street).ok().text("/state")).isEqualTo("DISPATCHED");
    }

    @Test
    void aCoUnitStillAwaitingItsReportInIsSettledWhenTheTicketClosesAndTheNoteSaysSo() {
        var street = streetDispatcherOfGannanTown();
        var ticket = "/api/tickets/" + raise(roadDamage());
        post(ticket + "/file", street).ok();
        post(
                        ticket + "/summon",
                        street,
                        Map.of("lead", DemoCity.ROADS_SECTION, "coUnits", List.of(DemoCity.GANNAN_URBAN_MANAGEMENT)))
                .ok();
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        post(ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/report-in", roads).ok();
        post(
                        ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/done",
                        roads,
                        Map.of("evidence", List.of(SeedStoriesServiceTest.PHOTO)))
                .ok();
        assertThat(post(ticket + "/verify", street, Map.of("pass", true))
                        .ok()
                        .body()
                        .at("/followUpOpen")
                        .asBoolean())
                .as("verified, the reporter not yet asked")
                .isTrue();

        var closed = post(ticket + "/close", street, Map.of()).ok();

        assertThat(closed.body().at("/followUpOpen").asBoolean()).isFalse();
        assertThat(closed.text("/tasks/1/unit")).isEqualTo(DemoCity.GANNAN_URBAN_MANAGEMENT);
        assertThat(closed.body().at("/tasks/1/settledAt").isNull()).isFalse();
        assertThat(closed.body().at("/tasks/0/settledAt").isNull()).isTrue();
        var timeline = closed.body().at("/timeline");
        assertThat(timeline.get(timeline.size() - 1).at("/note").asString()).isEqualTo("结案：已解决；1 个协办单位尚未报到，召集随结案了结");
        assertThat(get(ticket, street).ok().body().at("/tasks/1/settledAt").isNull())
                .as("stored and read back")
                .isFalse();
    }

    @Test
    void aCentresQueueIsFoundByNumberNarrowedToAUnitOrToWhatWaitsForTheCentreAndExportedAsCsvAndXlsx()
            throws Exception {
        var street = streetDispatcherOfGannanTown();
        var waiting = raise(roadDamage());
        var summoned = raise(roadDamage());
        post("/api/tickets/" + summoned + "/file", street).ok();
        post("/api/tickets/" + summoned + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION))
                .ok();
        var waitingNumber = get("/api/tickets/" + waiting, street).ok().text("/number");
        var queue = "/api/queues/centres/" + DemoCity.GANNAN_TOWN_CENTRE;

        var byNumber = get(queue + "?number=" + waitingNumber.toLowerCase(java.util.Locale.ROOT), street)
                .ok();
        assertThat(byNumber.body().at("/items").findValuesAsString("ticketId")).containsExactly(waiting);
        var ofUnit =
                get(queue + "?size=200&unit=" + DemoCity.ROADS_SECTION, street).ok();
        assertThat(ofUnit.body().at("/items").findValuesAsString("ticketId"))
                .contains(summoned)
                .doesNotContain(waiting);
        var action = get(queue + "?size=200&view=ACTION", street).ok();
        assertThat(action.body().at("/items").findValuesAsString("ticketId"))
                .contains(waiting)
                .doesNotContain(summoned);
        assertThat(get(queue + "?view=EVERYTHING", street).status()).isEqualTo(422);

        var csv = download(queue + "/export?format=csv&number=" + waitingNumber, street);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment");
        var text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("\uFEFF序号,工单编号,问题类别,紧急程度,状态,层级,上报时间（北京时间）,最近更新（北京时间）\r\n")
                .contains("1," + waitingNumber + ",道路破损,紧急,待受理,街道,")
                .doesNotContain("RAISED", "STREET", "MUNICIPAL-ROAD-DAMAGE");
        assertThat(text.lines()).hasSize(2);

        var xlsx = download(queue + "/export?format=xlsx&unit=" + DemoCity.ROADS_SECTION, street);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("工单编号");
            var states = new java.util.ArrayList<String>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                states.add(sheet.getRow(r).getCell(4).getStringCellValue());
            }
            assertThat(states).contains("已派遣").doesNotContain("待受理", "DISPATCHED");
        }
        assertThat(download(queue + "/export?format=pdf", street).statusCode()).isEqualTo(422);
        assertThat(download("/api/queues/centres/" + DemoCity.XINGSHISI_CENTRE + "/export", street)
                        .statusCode())
                .as("another street's queue")
                .isEqualTo(403);
    }

    private java.net.http.HttpResponse<byte[]> download(String path, String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static WhistleRaised roadDamage() {
        return whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "路面破损");
    }
}
