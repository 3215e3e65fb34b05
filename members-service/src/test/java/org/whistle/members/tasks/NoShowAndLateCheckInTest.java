package org.whistle.members.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.members.MembersServiceTest;
import org.whistle.members.points.GrantingPoints;
import org.whistle.members.tasks.domain.TaskEvent;
import org.whistle.members.tasks.domain.TaskId;

/**
 * After a task's time window: a member who claimed and never came is recorded as a no-show by the branch, which costs
 * what the city's rule says (the default rule set: −2) once; a member who comes too late is refused in Chinese naming
 * the window in Beijing time. The window is moved into the past in the database: the service reads the time from
 * the system clock, and waiting hours for a window to end is no test.
 */
class NoShowAndLateCheckInTest extends MembersServiceTest {

    @Autowired
    private GrantingPoints granting;

    @Autowired
    private TransactionTemplate transactions;

    /** Moves a task's window so that it ended a minute ago, as if its hours had passed. */
    private void windowEnded(String task) {
        var now = Instant.now();
        jdbc.sql("UPDATE task SET starts_at = :starts, ends_at = :ends WHERE id = :id")
                .param("starts", java.sql.Timestamp.from(now.minus(Duration.ofHours(3))))
                .param("ends", java.sql.Timestamp.from(now.minus(Duration.ofMinutes(1))))
                .param("id", UUID.fromString(task))
                .update();
    }

    private int score(String subject) throws Exception {
        return json(get("/api/members/points/me", memberToken(subject)))
                .get("score")
                .asInt();
    }

    @Test
    void aNoShowAfterTheWindowCostsTheCitysRuleOnceAndNotBefore() throws Exception {
        var subject = someone("absent");
        var member = confirmedMember(subject, "钱缺席");
        var task = confirmedClaim(subject, member, 5);
        var noShow = "{\"memberId\":\"" + member + "\"}";

        var tooEarly = post("/api/members/tasks/" + task + "/no-show", branchToken(), noShow);
        assertStatus(tooEarly, 409);
        assertThat(json(tooEarly).get("detail").asString()).isEqualTo("任务时间尚未结束，不能记为未到场");
        assertThat(score(subject)).isEqualTo(60);

        windowEnded(task);
        var recorded = post("/api/members/tasks/" + task + "/no-show", branchToken(), noShow);

        assertStatus(recorded, 200);
        var standing = json(get("/api/members/points/me", memberToken(subject)));
        assertThat(standing.get("score").asInt()).isEqualTo(58);
        var entry = standing.get("entries").get(0);
        assertThat(entry.get("amount").asInt()).isEqualTo(-2);
        assertThat(entry.get("rule").asString()).isEqualTo("NO_SHOW");
        assertThat(entry.get("reason").asString()).isEqualTo("认领后未到场：清理楼道杂物");
        assertThat(entry.get("taskId").asString()).isEqualTo(task);

        // Recorded twice (a second click, a retried request, the event again): the member pays once.
        assertStatus(post("/api/members/tasks/" + task + "/no-show", branchToken(), noShow), 409);
        var again = new TaskEvent.ClaimNoShow(
                new TaskId(UUID.fromString(task)),
                "清理楼道杂物",
                UUID.fromString(member),
                "branch-jjf",
                "韩淑芬",
                Instant.now());
        transactions.executeWithoutResult(s -> granting.onNoShow(again));
        assertThat(score(subject)).isEqualTo(58);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE member_id = :m")
                        .param("m", UUID.fromString(member))
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void aMemberWhoCameCannotBeRecordedAsANoShow() throws Exception {
        var subject = someone("came");
        var member = confirmedMember(subject, "孙到场");
        var task = confirmedClaim(subject, member, 5);
        checkInAndFinish(subject, task);
        windowEnded(task);

        assertStatus(
                post("/api/members/tasks/" + task + "/no-show", branchToken(), "{\"memberId\":\"" + member + "\"}"),
                409);
        assertThat(score(subject)).isEqualTo(60);
    }

    @Test
    void afterTheWindowACheckInIsRefusedNamingTheWindowInBeijingTime() throws Exception {
        var subject = someone("late");
        var member = confirmedMember(subject, "李迟到");
        var task = confirmedClaim(subject, member, 3);
        jdbc.sql("UPDATE task SET starts_at = :starts, ends_at = :ends WHERE id = :id")
                .param("starts", java.sql.Timestamp.from(Instant.parse("2025-06-01T01:00:00Z")))
                .param("ends", java.sql.Timestamp.from(Instant.parse("2025-06-01T03:00:00Z")))
                .param("id", UUID.fromString(task))
                .update();

        var refused = post(
                "/api/members/tasks/" + task + "/check-in",
                memberToken(subject),
                "{\"lat\":" + IN_G1_LAT + ",\"lng\":" + IN_G1_LNG + ",\"photo\":\"" + PHOTO + "\"}");

        assertStatus(refused, 409);
        assertThat(json(refused).get("detail").asString()).isEqualTo("任务时间已过，签到时间为 6月1日 09:00 至 6月1日 11:00（北京时间）");
    }
}
