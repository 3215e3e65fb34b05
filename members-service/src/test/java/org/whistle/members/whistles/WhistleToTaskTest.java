package org.whistle.members.whistles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.whistle.events.Channel;
import org.whistle.events.GeoPoint;
import org.whistle.events.Location;
import org.whistle.events.Reporter;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleRaised;
import org.whistle.members.MembersServiceTest;
import org.whistle.testing.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WhistleToTaskTest extends MembersServiceTest {

    private WhistleId raise(String description) {
        var id = WhistleId.newId();
        publish(envelope(new WhistleRaised(
                id,
                Channel.WECHAT,
                "ENV-CORRIDOR",
                description,
                new Location(new GeoPoint(IN_G1_LAT, IN_G1_LNG), "将军府小区1号楼"),
                "G1",
                "S",
                Urgency.NORMAL,
                new Reporter(Reporter.Kind.USER, "resident-1", "RESIDENT", null),
                List.of(),
                Instant.now())));
        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("SELECT count(*) FROM whistle_copy WHERE whistle_id = :id")
                                .param("id", id.value())
                                .query(Long.class)
                                .single()
                        == 1);
        return id;
    }

    private List<JsonNode> outbox(String topic, String field, String value) {
        return jdbc
                .sql("SELECT payload::text FROM messaging.outbox_event WHERE topic = :topic")
                .param("topic", topic)
                .query(String.class)
                .list()
                .stream()
                .map(JsonMapper.shared()::readTree)
                .filter(doc -> value.equals(doc.get("data").path(field).asString(null)))
                .toList();
    }

    @Test
    void aGridWorkerTurnsASmallWhistleIntoATaskAndItsCompletionAnswersTheWhistle() throws Exception {
        var whistle = raise("1号楼楼道堆满纸箱，电话13812345678");
        var listed = json(get("/api/members/whistles?compoundId=JJF", branchToken()));
        assertThat(listed.findValuesAsString("whistleId")).contains(whistle.toString());
        assertThat(listed.toString()).doesNotContain("13812345678");
        var now = Instant.now();

        var turned = post("/api/members/whistles/" + whistle + "/task", branchToken(), """
                {"title":"清理1号楼楼道纸箱","place":"将军府小区1号楼","startsAt":"%s","endsAt":"%s","places":1,
                 "points":5,"checkInRequired":true}""".formatted(
                        now.minusSeconds(60), now.plusSeconds(3600)));

        assertStatus(turned, 201);
        var task = json(turned).get("taskId").asString();
        var published = outbox("community-tasks", "taskId", task);
        assertThat(published).hasSize(1);
        assertThat(published.getFirst().get("type").asString()).isEqualTo("community-task-published");
        assertThat(published.getFirst().get("data").get("whistleId").asString()).isEqualTo(whistle.toString());
        assertThat(published.getFirst().get("data").get("handlingUnit").asString())
                .isEqualTo("YWH");
        assertThat(json(get("/api/members/tasks/" + task, branchToken()))
                        .get("description")
                        .asString())
                .contains("138****5678");
        assertStatus(
                post("/api/members/whistles/" + whistle + "/task", branchToken(), """
                {"title":"再转一次","place":"1号楼","startsAt":"%s","endsAt":"%s","places":1,"points":5}""".formatted(
                                now, now.plusSeconds(3600))),
                409);

        var subject = someone("zym");
        var member = confirmedMember(subject, "赵玉梅");
        assertStatus(post("/api/members/tasks/" + task + "/claim", memberToken(subject), "{}"), 200);
        assertStatus(
                post("/api/members/tasks/" + task + "/confirm", branchToken(), "{\"memberId\":\"" + member + "\"}"),
                200);
        checkInAndFinish(subject, task);
        assertStatus(
                post("/api/members/tasks/" + task + "/approve", branchToken(), "{\"memberId\":\"" + member + "\"}"),
                200);

        var events = outbox("community-tasks", "taskId", task);
        assertThat(events).hasSize(2);
        var completed = events.stream()
                .filter(e -> e.get("type").asString().equals("community-task-completed"))
                .findFirst()
                .orElseThrow();
        assertThat(completed.get("data").get("whistleId").asString()).isEqualTo(whistle.toString());
        assertThat(completed.get("data").get("membersApproved").asInt()).isEqualTo(1);
        // the unit the task was taken on for, so dispatch reports done for it even if another unit leads by now
        assertThat(completed.get("data").get("handlingUnit").asString()).isEqualTo("YWH");
        assertThat(completed.get("data").get("evidence").get(0).get("mediaId").asString())
                .startsWith("members-photo:");
        assertThat(completed.toString()).doesNotContain("赵玉梅").doesNotContain("13900000012");
        var done = outbox("member-participation", "taskId", task);
        assertThat(done).hasSize(1);
        assertThat(done.getFirst().get("data").get("hours").asDouble()).isEqualTo(0.5);
        assertThat(outbox("member-participation", "memberId", member))
                .extracting(e -> e.get("type").asString())
                .containsExactlyInAnyOrder("member-reported", "member-task-done");

        // Intake opens the photo the event named as the whistle's result, as a Whistle service (ADR 0051).
        var ref = completed.get("data").get("evidence").get(0);
        var photoId = ref.get("mediaId").asString().substring("members-photo:".length());
        var service = TestIssuer.get().token("intake-service", List.of("SERVICE"), List.of("C"), null);
        var read = get("/internal/whistles/" + whistle + "/result-photos/" + photoId, service);
        assertStatus(read, 200);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        var bytes = java.util.Base64.getDecoder().decode(PHOTO);
        assertThat(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(bytes)))
                .isEqualTo(ref.get("sha256").asString());
        // Only to services, only for the whistle it answered.
        assertStatus(get("/internal/whistles/" + whistle + "/result-photos/" + photoId, branchToken()), 403);
        assertStatus(get("/internal/whistles/" + WhistleId.newId() + "/result-photos/" + photoId, service), 404);
    }

    @Test
    void aPhotoOfATaskNotYetApprovedIsNoResultForServices() throws Exception {
        var whistle = raise("单元门坏了");
        var now = Instant.now();
        var task = json(post("/api/members/whistles/" + whistle + "/task", branchToken(), """
                        {"title":"修单元门","place":"将军府小区1号楼","startsAt":"%s","endsAt":"%s","places":1,
                         "points":5,"checkInRequired":true}""".formatted(
                                now.minusSeconds(60), now.plusSeconds(3600))))
                .get("taskId")
                .asString();
        var subject = someone("hsf");
        var member = confirmedMember(subject, "韩淑芬");
        assertStatus(post("/api/members/tasks/" + task + "/claim", memberToken(subject), "{}"), 200);
        assertStatus(
                post("/api/members/tasks/" + task + "/confirm", branchToken(), "{\"memberId\":\"" + member + "\"}"),
                200);
        checkInAndFinish(subject, task);
        var photoId = jdbc.sql("SELECT id FROM photo WHERE task_id = :task LIMIT 1")
                .param("task", UUID.fromString(task))
                .query(UUID.class)
                .single();
        var service = TestIssuer.get().token("intake-service", List.of("SERVICE"), List.of("C"), null);

        assertStatus(get("/internal/whistles/" + whistle + "/result-photos/" + photoId, service), 404);
    }

    @Test
    void anotherCompoundsBranchCannotTakeTheWhistle() throws Exception {
        var whistle = raise("路灯不亮");
        var now = Instant.now();

        var refused = post("/api/members/whistles/" + whistle + "/task", otherBranchToken(), """
                {"title":"修路灯","place":"1号楼","startsAt":"%s","endsAt":"%s","places":1,"points":5}""".formatted(
                        now, now.plusSeconds(3600)));

        assertStatus(refused, 403);
        assertThat(jdbc.sql("SELECT count(*) FROM task WHERE whistle_id = :id")
                        .param("id", UUID.fromString(whistle.toString()))
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
