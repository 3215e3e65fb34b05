package org.whistle.members.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.whistle.members.MembersServiceTest;
import org.whistle.testing.TestIssuer;

class ReportingInTest extends MembersServiceTest {

    @Nested
    class ReportingInFromAPhone {

        @Test
        void aMemberReportsInAndTheBranchConfirmsWithAGridAndBuilding() throws Exception {
            var subject = someone("zhao");
            var reported = post("/api/members/memberships", memberToken(subject), """
                    {"name":"赵玉梅","phone":"13900000012","kind":"COMMUNITY","skills":["助老","调解"],
                     "teams":["平安巡逻"],"availability":"工作日晚上","compoundId":"JJF","address":"1号楼1单元101"}""");
            assertStatus(reported, 201);
            assertThat(json(reported).get("stateLabel").asString()).isEqualTo("待确认");
            assertThat(json(reported).get("compoundName").asString()).isEqualTo("将军府小区");
            var id = json(reported).get("id").asString();

            var confirmed = post(
                    "/api/members/memberships/" + id + "/confirm",
                    branchToken(),
                    "{\"gridId\":\"G1\",\"buildingId\":\"B1\"}");

            assertStatus(confirmed, 200);
            assertThat(json(confirmed).get("stateLabel").asString()).isEqualTo("已报到");
            assertThat(json(confirmed).get("gridName").asString()).isEqualTo("将军府小区第一网格");
            assertThat(json(confirmed).get("buildingName").asString()).isEqualTo("将军府小区1号楼");
            assertThat(json(confirmed).get("phone").asString()).isEqualTo("139****0012");
            var mine = json(get("/api/members/memberships/me", memberToken(subject)));
            assertThat(mine.get("phone").asString()).isEqualTo("13900000012");
            assertThat(mine.get("history")).hasSize(2);
        }

        @Test
        void aMemberReportsToOneCompoundOnly() throws Exception {
            var subject = someone("twice");
            confirmedMember(subject, "王五");

            var again = post("/api/members/memberships", memberToken(subject), """
                    {"name":"王五","phone":"13900000099","kind":"VOLUNTEER","availability":"周末",
                     "compoundId":"YQ","address":"永青小区3号楼"}""");

            assertStatus(again, 409);
            assertThat(json(again).get("detail").asString()).contains("已报到过");
        }

        @Test
        void anInServiceMemberNamesTheirWorkplace() throws Exception {
            var refused = post("/api/members/memberships", memberToken(someone("work")), """
                    {"name":"李四","phone":"13900000098","kind":"IN_SERVICE","availability":"周末",
                     "compoundId":"JJF","address":"2号楼"}""");

            assertStatus(refused, 422);
            assertThat(refused.body()).contains("所在单位党组织");
        }

        @Test
        void aGridOutsideTheCompoundIsRefused() throws Exception {
            var reported = post("/api/members/memberships", memberToken(someone("grid")), """
                    {"name":"钱六","phone":"13900000097","kind":"COMMUNITY","availability":"周末",
                     "compoundId":"JJF","address":"2号楼"}""");
            var id = json(reported).get("id").asString();

            var refused = post("/api/members/memberships/" + id + "/confirm", branchToken(), "{\"gridId\":\"G3\"}");

            assertStatus(refused, 422);
            assertThat(refused.body()).contains("网格不在该小区内");
        }
    }

    @Nested
    class Access {

        @Test
        void anotherCompoundsBranchCannotConfirm() throws Exception {
            var reported = post("/api/members/memberships", memberToken(someone("acc")), """
                    {"name":"孙七","phone":"13900000096","kind":"COMMUNITY","availability":"周末",
                     "compoundId":"JJF","address":"2号楼"}""");
            var id = json(reported).get("id").asString();

            assertStatus(
                    post("/api/members/memberships/" + id + "/confirm", otherBranchToken(), "{\"gridId\":\"G1\"}"),
                    403);
            assertStatus(
                    post(
                            "/api/members/memberships/" + id + "/confirm",
                            memberToken(someone("x")),
                            "{\"gridId\":\"G1\"}"),
                    403);
            assertStatus(get("/api/members/memberships?compoundId=JJF", otherBranchToken()), 403);
        }

        @Test
        void aWorkplaceContactSeesItsMembersButNotTheirAddresses() throws Exception {
            var workplace = someone("W");
            var contact = someone("contact");
            assertStatus(post("/api/members/workplaces", branchToken(), """
                    {"id":"%s","name":"市水务局机关党委","reportsTo":"JJF","contactSubject":"%s",
                     "contactName":"周联络","contactPhone":"13800000001"}""".formatted(workplace, contact)), 201);
            var subject = someone("insvc");
            assertStatus(post("/api/members/memberships", memberToken(subject), """
                    {"name":"吴八","phone":"13900000095","kind":"IN_SERVICE","workplaceId":"%s",
                     "availability":"周末","compoundId":"JJF","address":"将军府小区2号楼301"}""".formatted(workplace)), 201);

            var seen = get(
                    "/api/members/workplaces/" + workplace + "/members",
                    TestIssuer.get().token(contact, java.util.List.of("PARTY_MEMBER"), java.util.List.of(), null));

            assertStatus(seen, 200);
            assertThat(json(seen)).hasSize(1);
            assertThat(json(seen).get(0).get("name").asString()).isEqualTo("吴八");
            assertThat(json(seen).get(0).get("address").isNull()).isTrue();
            assertThat(seen.body()).doesNotContain("2号楼301").doesNotContain("13900000095");
            assertStatus(get("/api/members/workplaces/" + workplace + "/members", memberToken(someone("nosy"))), 403);
        }

        @Test
        void aWorkplaceContactFindsItsOwnOrganisationsAndTheBranchThoseReportingToItsCompound() throws Exception {
            var workplace = someone("W");
            var contact = someone("contact");
            assertStatus(post("/api/members/workplaces", branchToken(), """
                    {"id":"%s","name":"市供电公司党委","reportsTo":"JJF","contactSubject":"%s",
                     "contactName":"钱联络","contactPhone":"13800000002"}""".formatted(workplace, contact)), 201);
            var contactToken =
                    TestIssuer.get().token(contact, java.util.List.of("PARTY_MEMBER"), java.util.List.of(), null);

            var own = get("/api/members/workplaces", contactToken);
            assertStatus(own, 200);
            assertThat(json(own).findValuesAsString("id")).containsExactly(workplace);
            assertThat(json(own).get(0).get("reportsToName").asString()).isEqualTo("将军府小区");
            assertThat(json(own).get(0).get("contactPhone").asString()).isEqualTo("138****0002");

            assertThat(json(get("/api/members/workplaces", branchToken())).findValuesAsString("id"))
                    .contains(workplace);
            assertThat(json(get("/api/members/workplaces", otherBranchToken())).findValuesAsString("id"))
                    .doesNotContain(workplace);
            assertThat(json(get("/api/members/workplaces", memberToken(someone("nosy")))))
                    .isEmpty();
        }

        @Test
        void theBranchListsTheCompoundsItManagesWithTheirGridsAndBuildings() throws Exception {
            var managed = get("/api/members/compounds/managed", branchToken());

            assertStatus(managed, 200);
            assertThat(json(managed).findValuesAsString("id")).contains("JJF").doesNotContain("YQ");
            var jjf = json(managed).values().stream()
                    .filter(c -> c.get("id").asString().equals("JJF"))
                    .findFirst()
                    .orElseThrow();
            assertThat(jjf.get("name").asString()).isEqualTo("将军府小区");
            assertThat(jjf.get("grids").findValuesAsString("name")).contains("将军府小区第一网格");
            assertThat(jjf.get("buildings").findValuesAsString("name")).containsExactly("将军府小区1号楼");
            assertStatus(get("/api/members/compounds/managed", memberToken(someone("nosy"))), 403);
        }
    }

    @Nested
    class MovingHouse {

        @Test
        void aTransferStartsANewReportInAndKeepsTheHistory() throws Exception {
            var subject = someone("move");
            confirmedMember(subject, "郑九");

            var moved = post(
                    "/api/members/memberships/me/transfer",
                    memberToken(subject),
                    "{\"compoundId\":\"YQ\",\"address\":\"永青小区5号楼\"}");

            assertStatus(moved, 200);
            assertThat(json(moved).get("compoundName").asString()).isEqualTo("永青小区");
            assertThat(json(moved).get("stateLabel").asString()).isEqualTo("待确认");
            assertThat(json(moved).get("history")).hasSize(3);
            assertThat(json(moved).get("history").get(2).get("action").asString())
                    .isEqualTo("迁居转移");
        }

        @Test
        void theHistoryCannotBeRewritten() throws Exception {
            var id = confirmedMember(someone("hist"), "冯十");

            assertThatThrownBy(() -> jdbc.sql("UPDATE membership_history SET note = 'x' WHERE membership_id = :id")
                            .param("id", java.util.UUID.fromString(id))
                            .update())
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM membership_history WHERE membership_id = :id")
                            .param("id", java.util.UUID.fromString(id))
                            .update())
                    .hasMessageContaining("append-only");
        }
    }
}
