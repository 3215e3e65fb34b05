package org.whistle.members.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.whistle.members.MembersServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * Every change of a membership is audited: a member editing their profile — leaving their workplace organisation,
 * becoming a volunteer — is a step of the history that the member and the branch read, naming what changed but not
 * the values (the phone stays out of it); an edit that changes nothing adds nothing.
 */
class ProfileChangesTest extends MembersServiceTest {

    private static final String PROFILE = """
            {"name":"郑改动","phone":"%s","kind":"%s","workplaceId":%s,"skills":["助老"],"teams":["平安巡逻"],
             "availability":"周末全天","compoundId":"JJF","address":"将军府小区1号楼1单元101"}""";

    @Test
    void aMembersProfileEditIsAStepOfTheHistoryNamingWhatChanged() throws Exception {
        var workplace = someone("W");
        assertStatus(post("/api/members/workplaces", branchToken(), """
                {"id":"%s","name":"市水务局机关党委","reportsTo":"JJF","contactSubject":"%s",
                 "contactName":"周联络","contactPhone":"13800000001"}""".formatted(workplace, someone("contact"))), 201);
        var subject = someone("edit");
        var reported = post(
                "/api/members/memberships",
                memberToken(subject),
                PROFILE.formatted("13900000031", "IN_SERVICE", "\"" + workplace + "\""));
        assertStatus(reported, 201);
        var id = json(reported).get("id").asString();
        assertStatus(post("/api/members/memberships/" + id + "/confirm", branchToken(), "{\"gridId\":\"G1\"}"), 200);

        var unchanged = put(
                "/api/members/memberships/me/profile",
                memberToken(subject),
                PROFILE.formatted("13900000031", "IN_SERVICE", "\"" + workplace + "\""));
        assertStatus(unchanged, 200);
        assertThat(json(unchanged).get("history"))
                .as("nothing changed, nothing recorded")
                .hasSize(2);

        var changed = put(
                "/api/members/memberships/me/profile",
                memberToken(subject),
                PROFILE.formatted("13900000032", "VOLUNTEER", "null"));

        assertStatus(changed, 200);
        var history = json(changed).get("history");
        assertThat(history).hasSize(3);
        var step = history.get(2);
        assertThat(step.get("action").asString()).isEqualTo("修改资料");
        assertThat(step.get("actorName").asString()).isEqualTo("郑改动");
        assertThat(step.get("note").asString()).isEqualTo("修改了电话、身份、报到单位");
        assertThat(changed.body()).doesNotContain("13900000031");

        var seenByBranch = json(get("/api/members/memberships?compoundId=JJF", branchToken())).values().stream()
                .filter(m -> m.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(seenByBranch.get("history").values().stream()
                        .map(s -> s.get("action").asString()))
                .containsExactly("报到", "确认报到", "修改资料");
        assertThat(last(seenByBranch).get("note").asString()).isEqualTo("修改了电话、身份、报到单位");
    }

    private static JsonNode last(JsonNode membership) {
        var history = membership.get("history");
        return history.get(history.size() - 1);
    }
}
