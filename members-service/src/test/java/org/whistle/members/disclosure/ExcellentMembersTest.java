package org.whistle.members.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Year;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.whistle.members.MembersServiceTest;

class ExcellentMembersTest extends MembersServiceTest {

    private static final int YEAR = Year.now(ZoneId.of("Asia/Shanghai")).getValue();

    private HttpResponse<String> honour(String member, String event) throws Exception {
        return post(
                "/api/members/points/entries",
                branchToken(),
                "{\"memberId\":\"" + member + "\",\"ruleCode\":\"HONOUR\",\"reason\":\"表彰\",\"eventRef\":\"" + event
                        + "\"}");
    }

    @Test
    void aPartyMemberAtTheThresholdWithoutDeductionsIsACandidateAndIsConfirmedOnce() throws Exception {
        var member = confirmedMember(someone("exc"), "优秀甲");
        assertStatus(honour(member, "h1-" + member), 201);
        assertStatus(honour(member, "h2-" + member), 201);

        var candidates =
                json(get("/api/members/excellent-members/candidates?compoundId=JJF&year=" + YEAR, branchToken()));
        assertThat(candidates.findValuesAsString("memberId")).contains(member);
        var body = "{\"memberId\":\"" + member + "\",\"year\":" + YEAR + "}";
        assertStatus(post("/api/members/excellent-members", branchToken(), body), 201);
        var twice = post("/api/members/excellent-members", branchToken(), body);
        assertStatus(twice, 409);
        assertThat(json(twice).get("detail").asString()).isEqualTo("优秀甲已评为 " + YEAR + " 年度优秀市民党员");
    }

    @Test
    void aMemberWithADeductionOrBelowTheThresholdIsNotConfirmed() throws Exception {
        var low = confirmedMember(someone("low"), "积分低");
        var refused = post(
                "/api/members/excellent-members",
                branchToken(),
                "{\"memberId\":\"" + low + "\",\"year\":" + YEAR + "}");
        assertStatus(refused, 409);
        assertThat(json(refused).get("detail").asString()).isEqualTo("本年度积分 60 分，未达到 80 分");

        var deducted = confirmedMember(someone("ded"), "有扣分");
        assertStatus(honour(deducted, "h1-" + deducted), 201);
        assertStatus(honour(deducted, "h2-" + deducted), 201);
        assertStatus(
                post(
                        "/api/members/points/entries",
                        branchToken(),
                        "{\"memberId\":\"" + deducted + "\",\"ruleCode\":\"MISSED_DUTY\",\"reason\":\"缺席组织生活\"}"),
                201);
        var withDeduction = post(
                "/api/members/excellent-members",
                branchToken(),
                "{\"memberId\":\"" + deducted + "\",\"year\":" + YEAR + "}");
        assertStatus(withDeduction, 409);
        assertThat(json(withDeduction).get("detail").asString()).isEqualTo("本年度有扣分记录（3 分），不能评为优秀市民党员");
    }
}
