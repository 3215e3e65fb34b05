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
        post(ticket + "/verify", street, Map.of("pass", true)).ok();

        var closed = post(ticket + "/close", street, Map.of()).ok();

        assertThat(closed.text("/tasks/1/unit")).isEqualTo(DemoCity.GANNAN_URBAN_MANAGEMENT);
        assertThat(closed.body().at("/tasks/1/settledAt").isNull()).isFalse();
        assertThat(closed.body().at("/tasks/0/settledAt").isNull()).isTrue();
        var timeline = closed.body().at("/timeline");
        assertThat(timeline.get(timeline.size() - 1).at("/note").asString()).isEqualTo("结案：已解决；1 个协办单位尚未报到，召集随结案了结");
        assertThat(get(ticket, street).ok().body().at("/tasks/1/settledAt").isNull())
                .as("stored and read back")
                .isFalse();
    }

    private static WhistleRaised roadDamage() {
        return whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "路面破损");
    }
}
