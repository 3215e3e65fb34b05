package org.whistle.members.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.whistle.members.MembersServiceTest;
import org.whistle.testing.TestIssuer;

/** 评议: the branch grades its in-service members; the workplace organisation reads and exports its members' grades. */
class ReviewsTest extends MembersServiceTest {

    private static final int YEAR = Year.now(ZoneId.of("Asia/Shanghai")).getValue();

    private record Workplace(String id, String contact) {}

    private Workplace workplace(String name) throws Exception {
        var workplace = "W-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var contact = someone("contact");
        assertStatus(post("/api/members/workplaces", branchToken(), """
                {"id":"%s","name":"%s","reportsTo":"JJF","contactSubject":"%s",
                 "contactName":"周联络","contactPhone":"13800000001"}""".formatted(workplace, name, contact)), 201);
        return new Workplace(workplace, contact);
    }

    /** An in-service member of the workplace, reported in to JJF and confirmed in G1; returns the membership id. */
    private String inService(Workplace workplace, String name) throws Exception {
        var reported =
                post("/api/members/memberships", memberToken(someone("insvc")), """
                {"name":"%s","phone":"13900000095","kind":"IN_SERVICE","workplaceId":"%s",
                 "availability":"周末","compoundId":"JJF","address":"将军府小区2号楼301"}""".formatted(name, workplace.id()));
        assertStatus(reported, 201);
        var id = json(reported).get("id").asString();
        assertStatus(post("/api/members/memberships/" + id + "/confirm", branchToken(), "{\"gridId\":\"G1\"}"), 200);
        return id;
    }

    private HttpResponse<String> review(String member, String grade, String comment) throws Exception {
        return post(
                "/api/members/reviews",
                branchToken(),
                "{\"memberId\":\"" + member + "\",\"year\":" + YEAR + ",\"grade\":\"" + grade + "\",\"comment\":\""
                        + comment + "\"}");
    }

    private static String contactToken(Workplace workplace) {
        return TestIssuer.get().token(workplace.contact(), List.of("PARTY_MEMBER"), List.of(), null);
    }

    @Test
    void theBranchGradesAMemberAndARegradeIsANewRowTheLatestCounting() throws Exception {
        var workplace = workplace("市水务局机关党委");
        var member = inService(workplace, "评议甲");

        assertStatus(review(member, "COMPETENT", "按时参加活动"), 201);
        var regraded = review(member, "EXCELLENT", "带头清理楼道，群众评价好");

        assertStatus(regraded, 201);
        assertThat(json(regraded).get("gradeLabel").asString()).isEqualTo("优秀");
        var rows = json(get("/api/members/reviews?compoundId=JJF&year=" + YEAR, branchToken()));
        var mine = rows.valueStream()
                .filter(r -> r.get("memberId").asString().equals(member))
                .findFirst()
                .orElseThrow();
        assertThat(mine.get("gradeLabel").asString()).isEqualTo("优秀");
        assertThat(mine.get("comment").asString()).isEqualTo("带头清理楼道，群众评价好");
        assertThat(jdbc.sql("SELECT count(*) FROM year_end_review WHERE member_id = :m")
                        .param("m", UUID.fromString(member))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThatThrownBy(() -> jdbc.sql("UPDATE year_end_review SET grade = 'INCOMPETENT' WHERE member_id = :m")
                        .param("m", UUID.fromString(member))
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void onlyConfirmedInServiceMembersAreGradedAndOnlyByTheirBranch() throws Exception {
        var community = confirmedMember(someone("comm"), "社区甲");
        var refused = review(community, "COMPETENT", "");
        assertStatus(refused, 409);
        assertThat(json(refused).get("detail").asString()).isEqualTo("社区甲：年度评议只针对在职党员");

        var workplace = workplace("市交通局机关党委");
        var member = inService(workplace, "评议乙");
        assertStatus(
                post(
                        "/api/members/reviews",
                        otherBranchToken(),
                        "{\"memberId\":\"" + member + "\",\"year\":" + YEAR + ",\"grade\":\"COMPETENT\"}"),
                403);
        var badGrade = review(member, "GOOD", "");
        assertStatus(badGrade, 422);
        assertThat(badGrade.body()).contains("评议等次应为优秀、合格、基本合格或不合格");
        var future = post(
                "/api/members/reviews",
                branchToken(),
                "{\"memberId\":\"" + member + "\",\"year\":" + (YEAR + 1) + ",\"grade\":\"COMPETENT\"}");
        assertStatus(future, 409);
    }

    @Test
    void theWorkplaceContactExportsItsMembersGradesAsXlsxWithoutAddressesAndWithPhonesMasked() throws Exception {
        var workplace = workplace("市财政局机关党委");
        var graded = inService(workplace, "评议丙");
        inService(workplace, "评议丁");
        assertStatus(review(graded, "BASIC", "参加活动偏少"), 201);

        var table = get("/api/members/workplaces/" + workplace.id() + "/reviews?year=" + YEAR, contactToken(workplace));
        assertStatus(table, 200);
        assertThat(json(table).get("workplaceName").asString()).isEqualTo("市财政局机关党委");
        assertThat(json(table).get("rows")).hasSize(2);
        assertThat(table.body())
                .doesNotContain("2号楼301")
                .doesNotContain("13900000095")
                .contains("139****0095");

        var file = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri(
                                        "/api/members/workplaces/" + workplace.id() + "/reviews/export?year=" + YEAR))
                                .header("Authorization", "Bearer " + contactToken(workplace))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.openxmlformats");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .contains(".xlsx");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("市财政局机关党委 " + YEAR + " 年度在职党员进小区评议");
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("评议等次");
            var grades = new java.util.HashMap<String, String>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                grades.put(row.getCell(1).getStringCellValue(), row.getCell(8).getStringCellValue());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo("139****0095");
            }
            assertThat(grades).containsEntry("评议丙", "基本合格").containsEntry("评议丁", "未评议");
        }
    }

    @Test
    void noOneElseReadsAWorkplacesReviews() throws Exception {
        var workplace = workplace("市卫健委机关党委");
        inService(workplace, "评议戊");

        assertStatus(get("/api/members/workplaces/" + workplace.id() + "/reviews", memberToken(someone("nosy"))), 403);
        assertStatus(get("/api/members/workplaces/" + workplace.id() + "/reviews/export", otherBranchToken()), 403);
        assertStatus(get("/api/members/reviews?compoundId=JJF", otherBranchToken()), 403);
        assertStatus(get("/api/members/workplaces/" + workplace.id() + "/reviews", branchToken()), 200);
    }
}
