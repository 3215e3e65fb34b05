package org.whistle.members.points;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.whistle.members.MembersServiceTest;

/** An administrator edits a city's rule set; what the request leaves out stays as it was. */
class RuleSetsTest extends MembersServiceTest {

    /** A city no other test reads rules for, so that these edits touch nothing else. */
    private static final String CITY = "RULES-CITY";

    private static final String RULES_WITHOUT_THRESHOLD = """
            {"name":"测试市积分规则","basePoints":50,"floorPoints":0,"annualReset":true,"noShowPoints":-2,
             "items":[{"code":"TASK","name":"志愿服务（按任务积分）","points":0,"yearlyCap":null}]}""";

    private int storedThreshold() {
        return jdbc.sql("SELECT excellent_threshold FROM rule_set WHERE city_id = :city")
                .param("city", CITY)
                .query(Integer.class)
                .single();
    }

    @Test
    void replacingTheRulesWithoutAThresholdKeepsTheThresholdInForce() throws Exception {
        assertStatus(put("/api/members/points/rules/" + CITY, administrator(), RULES_WITHOUT_THRESHOLD), 200);
        // the city had raised its 优秀市民党员 threshold before (an earlier edit)
        jdbc.sql("UPDATE rule_set SET excellent_threshold = 90 WHERE city_id = :city")
                .param("city", CITY)
                .update();

        var replaced = put("/api/members/points/rules/" + CITY, administrator(), RULES_WITHOUT_THRESHOLD);

        assertStatus(replaced, 200);
        assertThat(storedThreshold()).isEqualTo(90);
        assertThat(json(replaced).get("excellentThreshold").asInt()).isEqualTo(90);
        assertThat(json(replaced).get("basePoints").asInt()).isEqualTo(50);
    }

    @Test
    void anAdministratorSetsTheThresholdAndEveryoneReadsIt() throws Exception {
        var body = RULES_WITHOUT_THRESHOLD.replace(
                "\"noShowPoints\":-2,", "\"noShowPoints\":-2,\"excellentThreshold\":75,");

        assertStatus(put("/api/members/points/rules/" + CITY, administrator(), body), 200);

        assertThat(storedThreshold()).isEqualTo(75);
        var read = get("/api/members/points/rules/" + CITY, memberToken(someone("reader")));
        assertStatus(read, 200);
        assertThat(json(read).get("excellentThreshold").asInt()).isEqualTo(75);
    }

    @Test
    void aThresholdOutOfBoundsIsRefusedInChinese() throws Exception {
        var body = RULES_WITHOUT_THRESHOLD.replace(
                "\"noShowPoints\":-2,", "\"noShowPoints\":-2,\"excellentThreshold\":-1,");

        var refused = put("/api/members/points/rules/" + CITY, administrator(), body);

        assertStatus(refused, 422);
        assertThat(refused.body()).contains("优秀市民党员分数线应在 0 到 2000 之间");
    }
}
