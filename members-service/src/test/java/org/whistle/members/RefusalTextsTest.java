package org.whistle.members;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
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
        // A confirmed member with a task they claimed twice, one they finished and were approved for, and a check-in
        // before the task starts; a branch confirming them again; an item they cannot afford; a review and an
        // excellence they do not qualify for; an objection by someone outside the compound.
        var subject = someone("texts");
        // A name in Latin letters: a person's name is shown as written, and the English answer must hold no Chinese of
        // ours.
        var member = confirmedMember(subject, "Wang Min");
        var claimed = publishTask(now.minusSeconds(3600), now.plusSeconds(7200), 3, 5);
        assertStatus(post("/api/members/tasks/" + claimed + "/claim", memberToken(subject), "{}"), 200);
        var approved = confirmedClaim(subject, member, 1);
        checkInAndFinish(subject, approved);
        assertStatus(
                post("/api/members/tasks/" + approved + "/approve", branchToken(), "{\"memberId\":\"" + member + "\"}"),
                200);
        var elsewhere = confirmedClaim(subject, member, 1);
        var later = publishTask(now.plusSeconds(3600), now.plusSeconds(7200), 3, 1);
        assertStatus(post("/api/members/tasks/" + later + "/claim", memberToken(subject), "{}"), 200);
        assertStatus(
                post("/api/members/tasks/" + later + "/confirm", branchToken(), "{\"memberId\":\"" + member + "\"}"),
                200);
        var item = post("/api/members/exchange/items", branchToken(), """
                {"compoundId":"JJF","name":"自行车","description":"积分超市","points":10000,"stock":1}""");
        assertStatus(item, 201);
        var disclosure = post(
                "/api/members/disclosures",
                branchToken(),
                "{\"compoundId\":\"JJF\",\"year\":"
                        + ThreadLocalRandom.current().nextInt(2040, 2090) + ",\"quarter\":4,\"objectionDays\":7}");
        assertStatus(disclosure, 201);
        var year = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
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
                .refuses(422, call("POST", "/api/members/points/entries", branchToken(), "{}"))
                .refuses(409, call("POST", "/api/members/memberships/" + member + "/confirm", branchToken(), """
                {"gridId":"G1"}"""))
                .refuses(409, call("POST", "/api/members/tasks/" + claimed + "/claim", memberToken(subject), "{}"))
                .refuses(409, call("POST", "/api/members/tasks/" + approved + "/approve", branchToken(), """
                {"memberId":"%s"}""".formatted(
                                member)))
                .refuses(
                        409,
                        call("POST", "/api/members/tasks/" + later + "/check-in", memberToken(subject), """
                {"lat":%s,"lng":%s,"photo":"%s"}""".formatted(
                                        IN_G1_LAT, IN_G1_LNG, PHOTO)))
                .refuses(409, call("POST", "/api/members/tasks/" + elsewhere + "/finish", memberToken(subject), """
                {"evidence":"已清理","hours":0.5}"""))
                .refuses(
                        409,
                        call(
                                "POST",
                                "/api/members/exchange/items/"
                                        + json(item).get("id").asString() + "/redeem",
                                memberToken(subject),
                                "{}"))
                .refuses(409, call("POST", "/api/members/reviews", branchToken(), """
                {"memberId":"%s","year":%d,"grade":"COMPETENT","comment":""}""".formatted(member, year)))
                .refuses(
                        409, call("POST", "/api/members/excellent-members", branchToken(), """
                {"memberId":"%s","year":%d}""".formatted(member, year)))
                .refuses(
                        409,
                        call(
                                "POST",
                                "/api/members/disclosures/"
                                        + json(disclosure).get("id").asString() + "/objections",
                                stranger,
                                "{\"reason\":\"不是本小区的\"}"));
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
