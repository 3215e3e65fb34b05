package org.whistle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21's story, end to end through the gateway with every service running and the demo's accounts: 赵玉梅, a
 * confirmed member of 永青小区 in the demo, moves house and reports in to 将军府小区; its branch secretary 韩淑芬
 * confirms her; a resident whistles about a stairwell in 将军府小区 and 韩淑芬, as its grid leader, turns the small
 * whistle into a community task; 赵玉梅 claims it, checks in on site with a photo (after a check-in from the wrong
 * place is refused in Chinese), finishes with evidence; 韩淑芬 approves; her points rise by what the city's rule
 * grants for the task; the whistle's reporter sees it answered; and she spends points in 将军府小区's 积分超市.
 *
 * <p>The story changes 赵玉梅's membership (transfer, confirmation), so it holds her account's lock for writing; the
 * classes that assume her membership as the demo seeds it (the authorisation matrix, the personal-data checks) hold
 * it for reading and never run during it.
 */
@ExtendWith(SharedLocalStack.class)
@ResourceLock(value = MembersStoryTest.ZHAOYUMEI, mode = ResourceAccessMode.READ_WRITE)
public class MembersStoryTest {

    /** The lock of 赵玉梅's demo account and membership, shared by every class that uses them. */
    public static final String ZHAOYUMEI = "demo-member-zhaoyumei";

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final String MEMBER = "jh.party.zhaoyumei";
    private static final String SECRETARY = "jh.jjf.hanshufen";
    private static final String REPORTER = "ls.resident.zhangguilan";
    private static final String JIANGJUNFU = "230203003001003";
    private static final String YONGQING = "230202002001003";
    private static final String JIANGJUNFU_BUILDING_1 = "230203003001003001001";

    private final Gateway gateway;
    private final Casework casework;

    MembersStoryTest(Platform platform) {
        this.gateway = platform.gateway();
        this.casework = new Casework(platform);
    }

    @Test
    void zhaoYumeiMovesToJiangjunfuTakesAWhistleAsATaskEarnsItsPointsAndRedeemsThem() {
        // 赵玉梅 as the demo seeds her: confirmed in 永青小区, with a year of points.
        var before = gateway.get("/api/members/memberships/me", member()).expect(200);
        assertThat(before.path("compoundId").asString()).isEqualTo(YONGQING);
        assertThat(before.path("state").asString()).isEqualTo("CONFIRMED");
        var memberId = before.path("id").asString();

        // She moves house: a fresh report-in to 将军府小区, with her history kept.
        var moved = gateway.post(
                        "/api/members/memberships/me/transfer",
                        member(),
                        "{\"compoundId\":\"" + JIANGJUNFU + "\",\"address\":\"将军府小区1号楼2单元502\"}")
                .expect(200);
        assertThat(moved.path("id").asString()).isEqualTo(memberId);
        assertThat(moved.path("compoundName").asString()).isEqualTo("将军府小区");
        assertThat(moved.path("state").asString()).isEqualTo("PENDING");

        // 韩淑芬, the compound's party secretary, sees her among those waiting and confirms her into the first grid.
        var waiting = gateway.get("/api/members/memberships?compoundId=" + JIANGJUNFU + "&state=PENDING", secretary())
                .expect(200);
        assertThat(waiting.findValuesAsString("id")).contains(memberId);
        var confirmed = gateway.post(
                        "/api/members/memberships/" + memberId + "/confirm",
                        secretary(),
                        "{\"gridId\":\"" + Place.JIANGJUNFU.grid + "\",\"buildingId\":\"" + JIANGJUNFU_BUILDING_1
                                + "\"}")
                .expect(200);
        assertThat(confirmed.path("state").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("gridName").asString()).isEqualTo("将军府小区第一网格");
        assertThat(gateway.get("/api/members/memberships/me", member())
                        .expect(200)
                        .path("history")
                        .findValuesAsString("compound"))
                .as("the move is history, not a new person")
                .contains("永青小区", "将军府小区");

        // A resident whistles about the stairwell; the copy reaches members-service, where 韩淑芬 (网格长) sees it.
        var whistle = casework.raise(
                REPORTER,
                Place.JIANGJUNFU,
                "PROPERTY-STAIRWELL-HYGIENE",
                "APP",
                "NORMAL",
                "将军府小区1号楼楼道里堆满了纸箱杂物，老人上下楼不方便",
                null);
        var whistleId = whistle.path("id").asString();
        await("the whistle reaches 将军府小区's branch")
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> gateway.get("/api/members/whistles?compoundId=" + JIANGJUNFU, secretary())
                        .expect(200)
                        .findValuesAsString("whistleId")
                        .contains(whistleId));

        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var points = 5;
        var turned = gateway.post("/api/members/whistles/" + whistleId + "/task", secretary(), """
                        {"title":"清理1号楼楼道纸箱","place":"将军府小区1号楼","startsAt":"%s","endsAt":"%s",\
                        "places":1,"skills":["环境整治"],"points":%d,"checkInRequired":true}""".formatted(
                                now.minusSeconds(60), now.plus(Duration.ofHours(3)), points))
                .expect(201);
        var taskId = turned.path("taskId").asString();
        assertThat(turned.path("gridName").asString()).isEqualTo("将军府小区第一网格");
        var ticketId = casework.awaitTicket(whistleId).path("id").asString();

        // She sees the task among her compound's open ones and claims it; the secretary confirms her.
        assertThat(gateway.get("/api/members/tasks?compoundId=" + JIANGJUNFU, member())
                        .expect(200)
                        .findValuesAsString("id"))
                .contains(taskId);
        gateway.post("/api/members/tasks/" + taskId + "/claim", member(), "{}").expect(200);
        gateway.post("/api/members/tasks/" + taskId + "/confirm", secretary(), "{\"memberId\":\"" + memberId + "\"}")
                .expect(200);

        // A check-in from 永青小区 is refused in plain Chinese; from inside the grid, with a photo, it counts.
        var elsewhere = checkIn(taskId, Place.YONGQING);
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.json().path("detail").asString())
                .contains("将军府小区第一网格")
                .contains("请到现场后再签到");
        var checkedIn = checkIn(taskId, Place.JIANGJUNFU);
        assertThat(checkedIn.status()).as(checkedIn.toString()).isEqualTo(200);
        assertThat(checkedIn.json().at("/myClaim/checkInPhoto").isString()).isTrue();

        var finished = gateway.call("POST", "/api/members/tasks/" + taskId + "/finish")
                .token(member())
                .multipart(new Gateway.Multipart()
                        .field("evidence", "纸箱杂物已清走，楼道畅通")
                        .field("hours", "0.5")
                        .file("photo", "stairwell.jpg", "image/jpeg", Casework.photo()))
                .send()
                .expect(200);
        assertThat(finished.at("/myClaim/state").asString()).isEqualTo("FINISHED");

        // The secretary approves; the points follow by the city's rule for volunteer service (the task's points,
        // cut to the item's yearly cap if it has one).
        var standing = gateway.get("/api/members/points/me", member()).expect(200);
        var scoreBefore = standing.path("score").asInt();
        var expected = grantedForTask(points, standing);
        gateway.post("/api/members/tasks/" + taskId + "/approve", secretary(), "{\"memberId\":\"" + memberId + "\"}")
                .expect(200);
        var after = gateway.get("/api/members/points/me", member()).expect(200);
        assertThat(after.path("score").asInt()).isEqualTo(scoreBefore + expected);
        var entry = after.path("entries").values().stream()
                .filter(e -> taskId.equals(e.path("taskId").asString(null)))
                .toList();
        assertThat(entry).hasSize(1);
        assertThat(entry.getFirst().path("amount").asInt()).isEqualTo(expected);
        assertThat(entry.getFirst().path("approverName").asString()).isEqualTo("韩淑芬");

        // Dispatch reports the task's unit done with the members' work and the ticket is resolved: the reporter sees
        // her whistle answered on her own page, in Chinese.
        // The members' photo of the result reaches her page with the answer, as a unit's would.
        var answered = awaitWhistle(
                REPORTER,
                whistleId,
                w -> w.path("timeline").findValuesAsString("status").contains("RESOLVED")
                        && w.path("resultEvidence").findValuesAsString("mediaId").stream()
                                .anyMatch(id -> id.startsWith("members-photo:")));
        var photoRef = answered.path("resultEvidence").values().stream()
                .filter(ref -> ref.path("mediaId").asString().startsWith("members-photo:"))
                .findFirst()
                .orElseThrow();
        assertThat(photoRef.path("mediaId").asString())
                .isEqualTo(
                        "members-photo:" + finished.at("/myClaim/evidencePhoto").asString());
        assertThat(photoRef.path("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(answered.path("status").asString()).isIn("RESOLVED", "CLOSED");
        assertThat(answered.path("statusLabel").asString()).doesNotContainPattern("[A-Za-z]");
        var done = casework.ticket(ticketId).path("timeline").values().stream()
                .filter(e -> e.path("action").asString().equals("DONE"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no DONE on the ticket's timeline"));
        assertThat(done.path("evidence").findValuesAsString("mediaId"))
                .as("the centre verifies with the members' photo")
                .contains(photoRef.path("mediaId").asString());
        // ... and she opens it: intake reads it from members-service once and shows its stripped copy (ADR 0051).
        var opened = gateway.call(
                        "GET",
                        "/api/whistles/" + whistleId + "/evidence/"
                                + photoRef.path("mediaId").asString())
                .token(casework.token(REPORTER))
                .send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.contentType()).startsWith("image/jpeg");

        // She spends points in 将军府小区's 积分超市: the cheapest item she can afford; what she can spend falls by it.
        var spendable = after.path("spendable").asInt();
        var item = gateway.get("/api/members/exchange/items", member()).expect(200).values().stream()
                .filter(i ->
                        i.path("points").asInt() <= spendable && i.path("stock").asInt() > 0)
                .min(Comparator.comparingInt(i -> i.path("points").asInt()))
                .orElseThrow(() -> new AssertionError("nothing in 将军府小区's catalogue for " + spendable + " points"));
        var redeemed = gateway.post(
                        "/api/members/exchange/items/" + item.path("id").asString() + "/redeem", member(), "")
                .expect(201);
        assertThat(redeemed.path("itemName").asString())
                .isEqualTo(item.path("name").asString());
        assertThat(gateway.get("/api/members/points/me", member())
                        .expect(200)
                        .path("spendable")
                        .asInt())
                .isEqualTo(spendable - item.path("points").asInt());
        assertThat(gateway.get("/api/members/exchange/redemptions/mine", member())
                        .expect(200)
                        .findValuesAsString("id"))
                .contains(redeemed.path("id").asString());
    }

    /** What the city's rule grants for a task worth {@code points}: its TASK item, cut to the yearly cap if any. */
    private int grantedForTask(int points, JsonNode standing) {
        var rules =
                gateway.get("/api/members/points/rules/" + Place.CITY, member()).expect(200);
        var task = rules.path("items").values().stream()
                .filter(i -> i.path("code").asString().equals("TASK"))
                .findFirst()
                .orElseThrow();
        var cap = task.path("yearlyCap");
        if (cap.isNull() || cap.isMissingNode()) {
            return points;
        }
        var earned = standing.path("entries").values().stream()
                .filter(e -> e.path("rule").asString().equals("TASK"))
                .mapToInt(e -> e.path("amount").asInt())
                .sum();
        return Math.max(0, Math.min(points, cap.asInt() - earned));
    }

    private Gateway.Reply checkIn(String taskId, Place place) {
        return gateway.call("POST", "/api/members/tasks/" + taskId + "/check-in")
                .token(member())
                .multipart(new Gateway.Multipart()
                        .field("lat", Double.toString(place.lat))
                        .field("lng", Double.toString(place.lng))
                        .field("coordinateSystem", "WGS84")
                        .file("photo", "checkin.jpg", "image/jpeg", Casework.photo()))
                .send();
    }

    private JsonNode awaitWhistle(String account, String whistleId, Predicate<JsonNode> until) {
        var found = new JsonNode[1];
        await("whistle " + whistleId + " as " + account + " sees it")
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    found[0] = gateway.get("/api/whistles/" + whistleId, casework.token(account))
                            .expect(200);
                    return until.test(found[0]);
                });
        return found[0];
    }

    private String member() {
        return casework.token(MEMBER);
    }

    private String secretary() {
        return casework.token(SECRETARY);
    }
}
