package org.whistle.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.events.Rating;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleReported;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard tile: a street's 三率 and 按期处置率 for a month, its last six months and its rank among the district's
 * streets, in one call, for whoever reads the street's figures; a leader's city has no peers.
 */
class TileTest extends EvaluationServiceTest {

    private static String dispatcher(String street, String centre) {
        return token("dispatcher-" + street, List.of("STREET_DISPATCHER"), List.of(street), centre);
    }

    private static String leader() {
        return token("leader-1", List.of("LEADER"), List.of("C"), null);
    }

    private static JsonNode rate(JsonNode rates, String rate) {
        return rates.values().stream()
                .filter(r -> r.get("rate").asString().equals(rate))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aStreetSeesItsRatesTrendAndRankAmongTheDistrictsStreets() throws Exception {
        var t = day(LocalDate.of(2022, 5, 10));
        var h = Duration.ofHours(1);
        var satisfied = newCase("T-TILE-1")
                .raised(t, null)
                .filed(t.plus(h))
                .summoned(t.plus(h), WATER)
                .reported(t.plus(h).plus(h), WATER, WhistleReported.Report.REPORTED_IN)
                .reported(t.plus(Duration.ofDays(1)), WATER, WhistleReported.Report.DONE)
                .closed(t.plus(Duration.ofDays(2)), WhistleClosed.Outcome.RESOLVED)
                .feedback(t.plus(Duration.ofDays(2)).minusSeconds(60), Rating.SATISFIED, true, null);
        // the other street's case is still being handled: a lower composite (处置率 weighs 30)
        var open = newCaseInS2("T-TILE-2")
                .raised(t, null)
                .filed(t.plus(h))
                .summoned(t.plus(h), WATER)
                .reported(t.plus(h).plus(h), WATER, WhistleReported.Report.REPORTED_IN);
        publishAll(satisfied, open);

        var response = get("/api/evaluation/tile?object=S1&period=2022-05", dispatcher("S1", STREET_CENTRE));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var tile = json(response);
        assertThat(tile.get("object").get("name").asString()).isEqualTo("五龙街道");
        assertThat(tile.get("period").get("code").asString()).isEqualTo("2022-05");
        assertThat(tile.get("rates").values().stream().map(r -> r.get("label").asString()))
                .containsExactly("响应率", "解决率", "满意率", "按期处置率");
        assertThat(rate(tile.get("rates"), "SATISFACTION").get("text").asString())
                .isEqualTo("100.00%");
        assertThat(tile.get("trend").values().stream()
                        .map(m -> m.get("period").get("code").asString()))
                .containsExactly("2021-12", "2022-01", "2022-02", "2022-03", "2022-04", "2022-05");
        assertThat(rate(tile.get("trend").get(5).get("rates"), "SATISFACTION")
                        .get("value")
                        .asDouble())
                .isEqualTo(1.0);
        assertThat(rate(tile.get("trend").get(0).get("rates"), "SATISFACTION")
                        .get("value")
                        .isNull())
                .as("no case in December")
                .isTrue();
        var rank = tile.get("rank");
        assertThat(rank.get("rank").asInt()).isEqualTo(1);
        assertThat(rank.get("of").asInt()).isEqualTo(2);
        assertThat(rank.get("text").asString()).isEqualTo("在龙沙区 2 个街道乡镇中综合排名第 1 名");

        var s2 = json(get("/api/evaluation/tile?object=S2&period=2022-05", dispatcher("S2", "CC-S2")));
        assertThat(s2.get("rank").get("rank").asInt()).isEqualTo(2);
        assertThat(s2.get("rank").get("text").asString()).isEqualTo("在龙沙区 2 个街道乡镇中综合排名第 2 名");

        // another street's unpublished month is not this street's to read
        assertThat(get("/api/evaluation/tile?object=S1&period=2022-05", dispatcher("S2", "CC-S2"))
                        .statusCode())
                .isEqualTo(403);

        // the leader's city: its own figures (both streets' cases), no peers to rank among
        var city = json(get("/api/evaluation/tile?object=C&period=2022-05", leader()));
        assertThat(rate(city.get("rates"), "SATISFACTION").get("text").asString())
                .isEqualTo("100.00%");
        assertThat(city.get("rank").get("rank").isNull()).isTrue();
        assertThat(city.get("rank").get("text").asString()).isEqualTo("无同级排名");
        assertThat(get("/api/evaluation/tile?object=S1&period=2022-13", leader())
                        .statusCode())
                .isEqualTo(422);
    }
}
