package org.whistle.intake.placing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.whistle.events.Channel;
import org.whistle.events.Topics;
import org.whistle.events.WhistleRaised;
import org.whistle.intake.support.IntakeTest;

/**
 * 电话受理: a dispatcher types the caller's address, intake proposes grids from the demo city's names and its
 * gazetteer, the dispatcher confirms one and raises the hotline whistle with it and no coordinates, and the whistle
 * lands in that grid's street instead of with the city's fallback.
 */
class HotlinePlacingTest extends IntakeTest {

    private static final String JIANGJUNFU_GRID_1 = "230203003001003001";
    private static final String JIANGJUNFU_GRID_2 = "230203003001003002";
    private static final String BUKUI = "230203003";

    private static String dispatcher() {
        return staffToken("operator-" + UUID.randomUUID(), "STREET_DISPATCHER", BUKUI);
    }

    private Response places(String address, String token) {
        return get("/api/whistles/places?address=" + address, bearer(token));
    }

    @Test
    void proposesTheCompoundsGridsFirstForAnAddressNamingIt() {
        var response = places("建华区将军府小区3号楼地下车库", dispatcher());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var proposals = response.json().get("proposals");
        assertThat(proposals.get(0).get("gridId").asString()).isEqualTo(JIANGJUNFU_GRID_1);
        assertThat(proposals.get(1).get("gridId").asString()).isEqualTo(JIANGJUNFU_GRID_2);
        assertThat(proposals.get(0).get("gridName").asString()).isEqualTo("将军府小区第一网格");
        assertThat(proposals.get(0).at("/street/name").asString()).isEqualTo("卜奎街道");
        assertThat(proposals.get(0).at("/district/name").asString()).isEqualTo("建华区");
        assertThat(proposals.get(0).get("place").asString()).isEqualTo("建华区 › 卜奎街道 › 府前社区 › 将军府小区 › 将军府小区第一网格");
        assertThat(proposals.get(0).get("why").asString()).isEqualTo("匹配：将军府小区（小区）、建华区（区县）");
        // The district's other grids follow, below every grid of the compound.
        assertThat(proposals.get(2).get("score").asInt())
                .isLessThan(proposals.get(1).get("score").asInt());
    }

    @Test
    void placesTheSeedsCrossingByItsRoadsFromTheGazetteer() {
        var response = places("甘南县文明大街与农机路交叉路口", dispatcher());

        var first = response.json().get("proposals").get(0);
        assertThat(first.get("gridId").asString()).isEqualTo("230225100001001");
        assertThat(first.get("why").asString()).contains("文明大街（道路）", "农机路（道路）", "甘南县（区县）");
        // 文明 inside 文明大街 is the road, not 文明社区.
        assertThat(response.json().get("proposals").findValuesAsString("why")).noneMatch(why -> why.contains("文明（"));
    }

    @Test
    void proposesNothingForAnAddressNamingNoPlaceItKnows() {
        var response = places("不知道在哪儿", dispatcher());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("proposals").isEmpty()).isTrue();
    }

    @Test
    void onlyDispatchersAskAndAnonymousCallersAreAskedToSignIn() {
        assertThat(get("/api/whistles/places?address=x").status()).isEqualTo(401);
        assertThat(places("将军府小区", residentToken("resident-" + UUID.randomUUID()))
                        .status())
                .isEqualTo(403);
        assertThat(places("将军府小区", staffToken("grid-" + UUID.randomUUID(), "GRID_WORKER", "230203003001"))
                        .status())
                .isEqualTo(403);
        assertThat(places("将军府小区", staffToken("city-" + UUID.randomUUID(), "CITY_DISPATCHER", "230200"))
                        .status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "LONG", "BIDI", "LIMIT"})
    void refusesAnAddressItCannotUse(String kind) {
        var path = switch (kind) {
            case "" -> "/api/whistles/places?address=";
            case "LONG" -> "/api/whistles/places?address=" + "将".repeat(501);
            case "BIDI" -> "/api/whistles/places?address=将军府\u202E小区";
            default -> "/api/whistles/places?address=x&limit=11";
        };

        var response = get(path, bearer(dispatcher()));

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactly(kind.equals("LIMIT") ? "limit" : "address");
    }

    @Test
    void aHotlineWhistleRaisedWithTheConfirmedGridLandsInItsStreetWithoutCoordinates() {
        var description = "来电：地下车库进水 " + UUID.randomUUID();

        var response = postJson("/api/whistles", hotline(description, JIANGJUNFU_GRID_2, null), bearer(dispatcher()));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().at("/grid/id").asString()).isEqualTo(JIANGJUNFU_GRID_2);
        assertThat(response.json().at("/street/id").asString()).isEqualTo(BUKUI);
        assertThat(response.json().get("fallbackOwner").isNull()).isTrue();
        var raised = (WhistleRaised)
                published(Topics.WHISTLE_RAISED, response.json().get("id").asString())
                        .data();
        assertThat(raised.channel()).isEqualTo(Channel.HOTLINE);
        assertThat(raised.gridId()).isEqualTo(JIANGJUNFU_GRID_2);
        assertThat(raised.streetId()).isEqualTo(BUKUI);
        assertThat(raised.location().point()).isNull();
        assertThat(raised.location().address()).isEqualTo("将军府小区2号楼");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "WECHAT|location.gridId",
                "COORDINATES|location.gridId",
                "UNKNOWN|location.gridId",
                "COMPOUND|location.gridId",
                "NOADDRESS|location.address"
            })
    void refusesAConfirmedGridItCannotTrust(String caseAndField) {
        var parts = caseAndField.split("\\|");
        var body = new HashMap<>(hotline("refused " + UUID.randomUUID(), JIANGJUNFU_GRID_1, null));
        switch (parts[0]) {
            case "WECHAT" -> body.put("channel", "WECHAT");
            case "COORDINATES" ->
                body.put(
                        "location",
                        Map.of("lat", 47.356255, "lng", 123.962613, "address", "将军府小区", "gridId", JIANGJUNFU_GRID_1));
            case "UNKNOWN" -> body.put("location", Map.of("address", "将军府小区", "gridId", "999999"));
            case "COMPOUND" -> body.put("location", Map.of("address", "将军府小区", "gridId", "230203003001003"));
            default -> body.put("location", Map.of("gridId", JIANGJUNFU_GRID_1));
        }

        var response = postJson("/api/whistles", body, bearer(dispatcher()));

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(parts[1]);
        assertThat(stored((String) body.get("description"))).isZero();
    }

    private static Map<String, Object> hotline(String description, String gridId, String ignored) {
        var body = new HashMap<String, Object>();
        body.put("channel", "HOTLINE");
        body.put("category", "PROPERTY-GARAGE-FLOODING");
        body.put("description", description);
        body.put("location", Map.of("address", "将军府小区2号楼", "gridId", gridId));
        body.put("reporter", Map.of("phone", "13800000077"));
        return body;
    }
}
