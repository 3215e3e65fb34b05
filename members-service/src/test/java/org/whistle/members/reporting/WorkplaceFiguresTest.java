package org.whistle.members.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.members.MembersServiceTest;
import org.whistle.testing.TestIssuer;

/**
 * 整建制报到: a workplace organisation reports as a whole and its contact sees its members' report-in and participation
 * figures — where they reported, whether confirmed, the year's score, tasks done and hours — but never their
 * addresses or phones; no one else reads them.
 */
class WorkplaceFiguresTest extends MembersServiceTest {

    @Test
    void theContactSeesItsMembersReportInAndParticipationWithoutAddressesOrPhones() throws Exception {
        var workplace = someone("W");
        var contact = someone("contact");
        assertStatus(post("/api/members/workplaces", branchToken(), """
                {"id":"%s","name":"市水务局机关党委","reportsTo":"JJF","contactSubject":"%s",
                 "contactName":"周联络","contactPhone":"13800000001"}""".formatted(workplace, contact)), 201);
        var active = someone("active");
        var reported = post("/api/members/memberships", memberToken(active), """
                {"name":"王实干","phone":"13900000096","kind":"IN_SERVICE","workplaceId":"%s",
                 "availability":"周末","compoundId":"JJF","address":"将军府小区3号楼501"}""".formatted(workplace));
        assertStatus(reported, 201);
        var activeId = json(reported).get("id").asString();
        assertStatus(
                post("/api/members/memberships/" + activeId + "/confirm", branchToken(), "{\"gridId\":\"G1\"}"), 200);
        var waiting = someone("waiting");
        assertStatus(post("/api/members/memberships", memberToken(waiting), """
                {"name":"刘待定","phone":"13900000097","kind":"IN_SERVICE","workplaceId":"%s",
                 "availability":"晚上","compoundId":"JJF","address":"将军府小区4号楼202"}""".formatted(workplace)), 201);
        var task = confirmedClaim(active, activeId, 5);
        checkInAndFinish(active, task);
        assertStatus(
                post("/api/members/tasks/" + task + "/approve", branchToken(), "{\"memberId\":\"" + activeId + "\"}"),
                200);

        var seen = get(
                "/api/members/workplaces/" + workplace + "/figures",
                TestIssuer.get().token(contact, List.of("PARTY_MEMBER"), List.of(), null));

        assertStatus(seen, 200);
        var figures = json(seen);
        assertThat(figures.findValuesAsString("name")).containsExactlyInAnyOrder("王实干", "刘待定");
        var done = figures.values().stream()
                .filter(f -> f.get("name").asString().equals("王实干"))
                .findFirst()
                .orElseThrow();
        assertThat(done.get("compoundName").asString()).isEqualTo("将军府小区");
        assertThat(done.get("stateLabel").asString()).doesNotContainPattern("[A-Za-z]");
        assertThat(done.get("score").asInt()).isEqualTo(65);
        assertThat(done.get("tasksDone").asInt()).isOne();
        assertThat(done.get("hours").decimalValue()).isEqualByComparingTo("0.5");
        var pending = figures.values().stream()
                .filter(f -> f.get("name").asString().equals("刘待定"))
                .findFirst()
                .orElseThrow();
        assertThat(pending.get("stateLabel").asString())
                .isNotEqualTo(done.get("stateLabel").asString());
        assertThat(pending.get("tasksDone").asInt()).isZero();
        assertThat(seen.body())
                .doesNotContain("3号楼501", "4号楼202", "13900000096", "13900000097")
                .doesNotContainPattern("1\\d{10}");

        assertStatus(get("/api/members/workplaces/" + workplace + "/figures", memberToken(active)), 403);
        assertStatus(get("/api/members/workplaces/" + workplace + "/figures", otherBranchToken()), 403);
    }
}
