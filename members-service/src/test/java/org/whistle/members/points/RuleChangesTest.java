package org.whistle.members.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.whistle.members.MembersServiceTest;

/**
 * A city's points rules decide everyone's score, so every replacement is kept: who changed them, when, the rules before
 * and after; only administrators read the changes, and the database refuses to rewrite them.
 */
class RuleChangesTest extends MembersServiceTest {

    /** A city no other test reads rules for. */
    private static final String CITY = "CHANGES-CITY";

    private static String rules(int base) {
        return """
                {"name":"测试市积分规则","basePoints":%d,"floorPoints":0,"annualReset":true,"noShowPoints":-2,
                 "excellentThreshold":80,
                 "items":[{"code":"TASK","name":"志愿服务（按任务积分）","points":0,"yearlyCap":null},
                          {"code":"MEETING","name":"参加三会一课、主题党日","points":2,"yearlyCap":24}]}""".formatted(base);
    }

    @Test
    void everyReplacementOfACitysRulesIsKeptWithWhoWhenAndWhatItReplaced() throws Exception {
        assertStatus(put("/api/members/points/rules/" + CITY, administrator(), rules(50)), 200);
        assertStatus(put("/api/members/points/rules/" + CITY, administrator(), rules(70)), 200);

        var read = get("/api/members/points/rules/" + CITY + "/changes", administrator());

        assertStatus(read, 200);
        var changes = json(read);
        assertThat(changes).hasSize(2);
        var latest = changes.get(0);
        assertThat(latest.get("byName").asString()).isEqualTo("admin-1");
        assertThat(latest.get("at").asString()).isNotBlank();
        assertThat(latest.get("before").get("basePoints").asInt()).isEqualTo(50);
        assertThat(latest.get("after").get("basePoints").asInt()).isEqualTo(70);
        assertThat(latest.get("after").get("items").findValuesAsString("code")).containsExactly("TASK", "MEETING");
        var first = changes.get(1);
        assertThat(first.get("before").isNull())
                .as("the city followed the default until its first rules")
                .isTrue();
        assertThat(first.get("after").get("basePoints").asInt()).isEqualTo(50);

        assertStatus(get("/api/members/points/rules/" + CITY + "/changes", branchToken()), 403);
        assertStatus(get("/api/members/points/rules/" + CITY + "/changes", memberToken(someone("reader"))), 403);
        assertThatThrownBy(() -> jdbc.sql("UPDATE rule_set_change SET changed_name = 'x' WHERE city_id = :city")
                        .param("city", CITY)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM rule_set_change WHERE city_id = :city")
                        .param("city", CITY)
                        .update())
                .hasMessageContaining("append-only");
    }
}
