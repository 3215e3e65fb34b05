package org.whistle.members;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.whistle.testing.service.RefusalTexts;

/**
 * The refusals a member, a branch or an administrator reads from members-service — bad reports, tasks and points
 * entries, who may do what, things not found — are plain Chinese by default and English when asked (ADR 0043): no
 * sentence fixed at the throw site in one language.
 */
class RefusalTextsTest extends MembersServiceTest {

    private RefusalTexts refusals() throws Exception {
        var now = Instant.now();
        var task = publishTask(now.minusSeconds(3600), now.plusSeconds(7200), 3, 5);
        var stranger = memberToken(someone("stranger"));
        return new RefusalTexts()
                .refuses(422, call("POST", "/api/members/memberships", stranger, "{}"))
                .refuses(422, call("POST", "/api/members/memberships", stranger, """
                {"name":"王敏","phone":"13900000013","kind":"WORKING","compoundId":"NOWHERE","address":"1号楼"}"""))
                .refuses(422, call("POST", "/api/members/tasks", branchToken(), """
                {"kind":"GRID_TASK","title":"清理楼道","gridId":"G1","place":"1号楼","startsAt":"%s","endsAt":"%s",
                 "places":0,"points":500}""".formatted(
                                now.plusSeconds(7200), now.plusSeconds(3600))))
                .refuses(422, call("POST", "/api/members/tasks", branchToken(), """
                {"kind":"GRID_TASK","title":"清理楼道","gridId":"NOWHERE","place":"1号楼","startsAt":"%s","endsAt":"%s",
                 "places":1,"points":5}""".formatted(
                                now.plusSeconds(3600), now.plusSeconds(7200))))
                .refuses(409, call("POST", "/api/members/tasks/" + task + "/claim", stranger, "{}"))
                .refuses(403, call("GET", "/api/members/compounds/managed", stranger, null))
                .refuses(403, call("PUT", "/api/members/points/rules/C", branchToken(), """
                {"cityId":"C","cityName":"市","name":"规则","basePoints":100,"floorPoints":0,"annualReset":false,
                 "noShowPoints":-5,"items":[]}"""))
                .refuses(422, call("POST", "/api/members/points/entries", branchToken(), "{}"));
    }

    @Test
    void refusesInPlainChineseByDefault() throws Exception {
        refusals().inPlainChineseByDefault();
    }

    @Test
    void refusesInEnglishWhenTheCallerPrefersIt() throws Exception {
        refusals().inEnglishWhenTheCallerPrefersIt();
    }

    private RefusalTexts.Request call(String method, String path, String token, @Nullable String json) {
        return RefusalTexts.call(uri(path), method, token, json);
    }
}
