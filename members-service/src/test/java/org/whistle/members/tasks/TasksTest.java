package org.whistle.members.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.whistle.members.MembersServiceTest;

class TasksTest extends MembersServiceTest {

    @Nested
    class FromClaimToApproval {

        @Test
        void aMemberClaimsChecksInInsideTheGridFinishesAndIsApproved() throws Exception {
            var subject = someone("zym");
            var member = confirmedMember(subject, "赵玉梅");
            var task = confirmedClaim(subject, member, 5);

            checkInAndFinish(subject, task);
            var approved =
                    post("/api/members/tasks/" + task + "/approve", branchToken(), "{\"memberId\":\"" + member + "\"}");

            assertStatus(approved, 200);
            assertThat(json(approved).get("stateLabel").asString()).isEqualTo("已完成");
            assertThat(json(approved).get("myClaim").isNull()).isTrue();
            var claim = json(approved).get("claims").get(0);
            assertThat(claim.get("stateLabel").asString()).isEqualTo("已审核");
            assertThat(claim.get("hours").asDouble()).isEqualTo(0.5);
            assertThat(json(approved).get("timeline").findValuesAsString("action"))
                    .containsExactly("发布", "认领", "确认认领", "签到", "完成", "审核通过");
            var mine = json(get("/api/members/tasks/mine", memberToken(subject)));
            assertThat(mine.get(0).get("myClaim").get("stateLabel").asString()).isEqualTo("已审核");
            assertThat(mine.get(0).get("claims").isNull()).isTrue();
        }

        @Test
        void theSecondApprovalOfAClaimIsRefused() throws Exception {
            var subject = someone("twice");
            var member = confirmedMember(subject, "王五");
            var task = confirmedClaim(subject, member, 5);
            checkInAndFinish(subject, task);
            assertStatus(
                    post("/api/members/tasks/" + task + "/approve", branchToken(), "{\"memberId\":\"" + member + "\"}"),
                    200);

            var again =
                    post("/api/members/tasks/" + task + "/approve", branchToken(), "{\"memberId\":\"" + member + "\"}");

            assertStatus(again, 409);
        }

        @Test
        void aFullTaskRefusesAnotherClaim() throws Exception {
            var now = Instant.now();
            var task = publishTask(now.minusSeconds(60), now.plusSeconds(3600), 1, 2);
            var first = someone("first");
            confirmedMember(first, "甲");
            var second = someone("second");
            confirmedMember(second, "乙");
            assertStatus(post("/api/members/tasks/" + task + "/claim", memberToken(first), "{}"), 200);

            var refused = post("/api/members/tasks/" + task + "/claim", memberToken(second), "{}");

            assertStatus(refused, 409);
            assertThat(json(refused).get("detail").asString()).isEqualTo("名额已满（共 1 个）");
        }

        @Test
        void anUnconfirmedMemberCannotClaim() throws Exception {
            var subject = someone("pending");
            assertStatus(post("/api/members/memberships", memberToken(subject), """
                    {"name":"待定","phone":"13900000011","kind":"VOLUNTEER","availability":"周末",
                     "compoundId":"JJF","address":"2号楼"}"""), 201);
            var now = Instant.now();
            var task = publishTask(now.minusSeconds(60), now.plusSeconds(3600), 2, 2);

            var refused = post("/api/members/tasks/" + task + "/claim", memberToken(subject), "{}");

            assertStatus(refused, 409);
            assertThat(json(refused).get("detail").asString()).contains("确认后才能认领");
        }
    }

    @Nested
    class CheckIn {

        @Test
        void outsideTheTasksGridIsRefusedInChinese() throws Exception {
            var subject = someone("far");
            var member = confirmedMember(subject, "钱六");
            var task = confirmedClaim(subject, member, 3);

            var refused = post(
                    "/api/members/tasks/" + task + "/check-in",
                    memberToken(subject),
                    "{\"lat\":" + IN_G1_LAT + ",\"lng\":" + IN_G2_LNG + ",\"photo\":\"" + PHOTO + "\"}");

            assertStatus(refused, 409);
            assertThat(json(refused).get("detail").asString()).isEqualTo("您的位置不在任务所在的将军府小区第一网格内，请到现场后再签到");
        }

        @Test
        void beforeTheWindowIsRefusedNamingTheWindowInBeijingTime() throws Exception {
            var subject = someone("early");
            var member = confirmedMember(subject, "孙七");
            var start = Instant.parse("2099-06-01T01:00:00Z");
            var task = publishTask(start, start.plusSeconds(7200), 2, 3);
            assertStatus(post("/api/members/tasks/" + task + "/claim", memberToken(subject), "{}"), 200);
            assertStatus(
                    post("/api/members/tasks/" + task + "/confirm", branchToken(), "{\"memberId\":\"" + member + "\"}"),
                    200);

            var refused = post(
                    "/api/members/tasks/" + task + "/check-in",
                    memberToken(subject),
                    "{\"lat\":" + IN_G1_LAT + ",\"lng\":" + IN_G1_LNG + ",\"photo\":\"" + PHOTO + "\"}");

            assertStatus(refused, 409);
            assertThat(json(refused).get("detail").asString()).isEqualTo("任务尚未开始，请在 6月1日 09:00 至 6月1日 11:00（北京时间）内签到");
        }

        @Test
        void aPhoneSendsItsPositionAndALargePhotoAsAForm() throws Exception {
            var subject = someone("form");
            var member = confirmedMember(subject, "陈立新");
            var task = confirmedClaim(subject, member, 3);
            var photo = new byte[1_500_000];
            photo[0] = (byte) 0xFF;
            photo[1] = (byte) 0xD8;
            photo[2] = (byte) 0xFF;

            var checkedIn = postForm(
                    "/api/members/tasks/" + task + "/check-in",
                    memberToken(subject),
                    java.util.Map.of("lat", String.valueOf(IN_G1_LAT), "lng", String.valueOf(IN_G1_LNG)),
                    photo);
            var finished = postForm(
                    "/api/members/tasks/" + task + "/finish",
                    memberToken(subject),
                    java.util.Map.of("evidence", "已完成", "hours", "0.5"),
                    photo);

            assertStatus(checkedIn, 200);
            assertStatus(finished, 200);
            var claim = json(finished).get("myClaim");
            assertThat(claim.get("stateLabel").asString()).isEqualTo("待审核");
            var stored = get(
                    "/api/members/tasks/" + task + "/photos/"
                            + claim.get("checkInPhoto").asString(),
                    branchToken());
            assertStatus(stored, 200);
            assertThat(stored.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        }

        @Test
        void withoutAPhotoIsRefused() throws Exception {
            var subject = someone("nophoto");
            var member = confirmedMember(subject, "周八");
            var task = confirmedClaim(subject, member, 3);

            var refused = post(
                    "/api/members/tasks/" + task + "/check-in",
                    memberToken(subject),
                    "{\"lat\":" + IN_G1_LAT + ",\"lng\":" + IN_G1_LNG + "}");

            assertStatus(refused, 409);
            assertThat(json(refused).get("detail").asString()).isEqualTo("现场签到须拍一张照片");
        }

        @Test
        void aFileThatIsNoPictureIsRefused() throws Exception {
            var subject = someone("notimg");
            var member = confirmedMember(subject, "吴九");
            var task = confirmedClaim(subject, member, 3);

            var refused = post(
                    "/api/members/tasks/" + task + "/check-in",
                    memberToken(subject),
                    "{\"lat\":" + IN_G1_LAT + ",\"lng\":" + IN_G1_LNG + ",\"photo\":\"PHNjcmlwdD4=\"}");

            assertStatus(refused, 422);
            assertThat(refused.body()).contains("照片须为 JPEG 或 PNG");
        }
    }

    @Nested
    class Access {

        @Test
        void onlyTheGridsBranchPublishes() throws Exception {
            var now = Instant.now();
            var body = """
                    {"kind":"WISH","title":"帮忙买菜","description":"独居老人需要帮忙买菜","gridId":"G1","place":"1号楼",
                     "startsAt":"%s","endsAt":"%s","places":1,"points":2}""".formatted(now, now.plusSeconds(3600));

            assertStatus(post("/api/members/tasks", memberToken(someone("m")), body), 403);
            assertStatus(post("/api/members/tasks", otherBranchToken(), body), 403);
            assertStatus(post("/api/members/tasks", branchToken(), body), 201);
        }

        @Test
        void anotherMemberCannotApproveOrSeeTheClaims() throws Exception {
            var subject = someone("own");
            var member = confirmedMember(subject, "郑十");
            var task = confirmedClaim(subject, member, 3);
            var other = someone("other");
            confirmedMember(other, "旁人");

            assertStatus(
                    post(
                            "/api/members/tasks/" + task + "/approve",
                            memberToken(other),
                            "{\"memberId\":\"" + member + "\"}"),
                    403);
            assertThat(json(get("/api/members/tasks/" + task, memberToken(other)))
                            .get("claims")
                            .isNull())
                    .isTrue();
        }

        @Test
        void theTimelineCannotBeRewritten() throws Exception {
            var now = Instant.now();
            var task = UUID.fromString(publishTask(now, now.plusSeconds(600), 1, 1));

            assertThatThrownBy(() -> jdbc.sql("DELETE FROM task_timeline WHERE task_id = :id")
                            .param("id", task)
                            .update())
                    .hasMessageContaining("append-only");
        }
    }
}
