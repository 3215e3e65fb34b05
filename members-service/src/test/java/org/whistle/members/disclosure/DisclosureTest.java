package org.whistle.members.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.whistle.members.MembersServiceTest;

class DisclosureTest extends MembersServiceTest {

    private static int quarter = 0;

    /** Each test publishes its own year's quarter, so tests sharing the database never collide. */
    private static synchronized int nextYear() {
        return 2030 + quarter++;
    }

    @Test
    void theBranchPublishesAQuarterAndAMemberObjectsOnceWithinTheWindow() throws Exception {
        var subject = someone("obj");
        confirmedMember(subject, "赵玉梅");
        var year = nextYear();

        var published = post(
                "/api/members/disclosures",
                branchToken(),
                "{\"compoundId\":\"JJF\",\"year\":" + year + ",\"quarter\":1,\"objectionDays\":7}");

        assertStatus(published, 201);
        assertThat(json(published).findValuesAsString("name")).contains("赵玉梅");
        var id = json(published).get("id").asString();
        var seen = json(get("/api/members/disclosures?compoundId=JJF", memberToken(subject)));
        assertThat(seen.toString()).contains("赵*梅").doesNotContain("赵玉梅");
        var objected = post(
                "/api/members/disclosures/" + id + "/objections", memberToken(subject), "{\"reason\":\"三月的巡逻没有记分\"}");
        assertStatus(objected, 201);
        var again =
                post("/api/members/disclosures/" + id + "/objections", memberToken(subject), "{\"reason\":\"再提一次\"}");
        assertStatus(again, 409);
        assertThat(json(again).get("detail").asString()).isEqualTo("您已对本次公示提出过异议，请等待答复");
        var answered = post(
                "/api/members/objections/" + json(objected).get("id").asString() + "/answer",
                branchToken(),
                "{\"answer\":\"已核实，补记 3 分\"}");
        assertStatus(answered, 200);
        assertThat(json(answered).get("answer").asString()).isEqualTo("已核实，补记 3 分");
        assertStatus(
                post(
                        "/api/members/disclosures",
                        branchToken(),
                        "{\"compoundId\":\"JJF\",\"year\":" + year + ",\"quarter\":1,\"objectionDays\":7}"),
                409);
    }

    @Test
    void anObjectionAfterTheWindowIsRefusedNamingTheDeadline() throws Exception {
        var subject = someone("late");
        confirmedMember(subject, "钱六");
        var published = post(
                "/api/members/disclosures",
                branchToken(),
                "{\"compoundId\":\"JJF\",\"year\":" + nextYear() + ",\"quarter\":2,\"objectionDays\":1}");
        var id = UUID.fromString(json(published).get("id").asString());
        jdbc.sql("UPDATE disclosure SET objections_until = TIMESTAMPTZ '2026-04-10 10:00:00+08' WHERE id = :id")
                .param("id", id)
                .update();

        var refused =
                post("/api/members/disclosures/" + id + "/objections", memberToken(subject), "{\"reason\":\"晚了\"}");

        assertStatus(refused, 409);
        assertThat(json(refused).get("detail").asString()).isEqualTo("异议期已于 4月10日 10:00（北京时间）结束");
    }

    @Test
    void onlyTheCompoundsBranchPublishesAndReadsObjections() throws Exception {
        var body = "{\"compoundId\":\"JJF\",\"year\":" + nextYear() + ",\"quarter\":3,\"objectionDays\":7}";

        assertStatus(post("/api/members/disclosures", otherBranchToken(), body), 403);
        assertStatus(post("/api/members/disclosures", memberToken(someone("m")), body), 403);
        var id = json(post("/api/members/disclosures", branchToken(), body))
                .get("id")
                .asString();
        assertStatus(get("/api/members/disclosures/" + id + "/objections", memberToken(someone("m"))), 403);
        assertStatus(get("/api/members/disclosures/" + id + "/objections", branchToken()), 200);
    }
}
