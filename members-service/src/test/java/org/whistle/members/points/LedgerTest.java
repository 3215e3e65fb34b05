package org.whistle.members.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.members.MembersServiceTest;
import org.whistle.members.tasks.domain.TaskEvent;
import org.whistle.members.tasks.domain.TaskId;

class LedgerTest extends MembersServiceTest {

    @Autowired
    private GrantingPoints granting;

    @Autowired
    private TransactionTemplate transactions;

    private long entries(String memberId) {
        return jdbc.sql("SELECT count(*) FROM ledger_entry WHERE member_id = :id")
                .param("id", UUID.fromString(memberId))
                .query(Long.class)
                .single();
    }

    /** Starts every call at once on its own thread and returns every answer. */
    private static <T> List<T> atOnce(int n, Callable<T> call) throws Exception {
        var ready = new CountDownLatch(n);
        var go = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(n)) {
            var futures = new ArrayList<java.util.concurrent.Future<T>>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    @Nested
    class GrantingOnce {

        @Test
        void anApprovedTaskRaisesTheMembersPointsByTheTasksPoints() throws Exception {
            var subject = someone("pts");
            var member = confirmedMember(subject, "赵玉梅");
            var before = json(get("/api/members/points/me", memberToken(subject)));
            var task = confirmedClaim(subject, member, 5);
            checkInAndFinish(subject, task);

            assertStatus(
                    post("/api/members/tasks/" + task + "/approve", branchToken(), "{\"memberId\":\"" + member + "\"}"),
                    200);

            var after = json(get("/api/members/points/me", memberToken(subject)));
            assertThat(before.get("score").asInt()).isEqualTo(60);
            assertThat(after.get("score").asInt()).isEqualTo(65);
            assertThat(after.get("spendable").asInt()).isEqualTo(5);
            assertThat(after.get("entries").get(0).get("reason").asString()).isEqualTo("完成任务：清理楼道杂物");
            assertThat(after.get("entries").get(0).get("approverName").asString())
                    .isEqualTo("branch-jjf");
        }

        @Test
        void twoApproversAtOnceGrantOnce() throws Exception {
            var subject = someone("race");
            var member = confirmedMember(subject, "孙七");
            var task = confirmedClaim(subject, member, 5);
            checkInAndFinish(subject, task);

            var answers = atOnce(
                    4,
                    () -> post(
                                    "/api/members/tasks/" + task + "/approve",
                                    branchToken(),
                                    "{\"memberId\":\"" + member + "\"}")
                            .statusCode());

            assertThat(answers).containsOnlyOnce(200).filteredOn(s -> s != 200).containsOnly(409);
            assertThat(entries(member)).isOne();
            assertThat(json(get("/api/members/points/me", memberToken(subject)))
                            .get("score")
                            .asInt())
                    .isEqualTo(65);
        }

        @Test
        void aRedeliveredApprovalGrantsNothingMore() throws Exception {
            var subject = someone("dup");
            var member = confirmedMember(subject, "周八");
            var task = confirmedClaim(subject, member, 5);
            checkInAndFinish(subject, task);
            assertStatus(
                    post("/api/members/tasks/" + task + "/approve", branchToken(), "{\"memberId\":\"" + member + "\"}"),
                    200);
            var approved = new TaskEvent.ClaimApproved(
                    new TaskId(UUID.fromString(task)),
                    "清理楼道杂物",
                    UUID.fromString(member),
                    5,
                    BigDecimal.ONE,
                    "branch-jjf",
                    "韩淑芬",
                    Instant.now());

            transactions.executeWithoutResult(s -> granting.onApproved(approved));
            atOnce(3, () -> {
                transactions.executeWithoutResult(s -> granting.onApproved(approved));
                return true;
            });

            assertThat(entries(member)).isOne();
        }
    }

    @Nested
    class AppendOnly {

        @Test
        void theDatabaseRefusesToChangeOrRemoveAnEntry() throws Exception {
            var subject = someone("ao");
            var member = confirmedMember(subject, "吴九");
            assertStatus(grant(member, "HONOUR", null), 201);

            assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_entry SET amount = 99 WHERE member_id = :id")
                            .param("id", UUID.fromString(member))
                            .update())
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_entry WHERE member_id = :id")
                            .param("id", UUID.fromString(member))
                            .update())
                    .hasMessageContaining("append-only");
        }

        @Test
        void aCorrectionIsANewEntryNamingTheOneItCorrects() throws Exception {
            var subject = someone("corr");
            var member = confirmedMember(subject, "郑十");
            var granted = json(grant(member, "HONOUR", null)).get("id").asString();

            var correction = post(
                    "/api/members/points/entries/" + granted + "/correct",
                    branchToken(),
                    "{\"amount\":-4,\"reason\":\"表彰级别录错\"}");

            assertStatus(correction, 201);
            assertThat(json(correction).get("corrects").asString()).isEqualTo(granted);
            var standing = json(get("/api/members/points/me", memberToken(subject)));
            assertThat(standing.get("score").asInt()).isEqualTo(66);
            assertThat(standing.get("entries")).hasSize(2);
            assertThat(entries(member)).isEqualTo(2);
        }

        @Test
        void anItemIsGrantedOncePerEventAndUpToItsYearlyCap() throws Exception {
            var member = confirmedMember(someone("cap"), "王五");

            assertStatus(grant(member, "HONOUR", "honour-1"), 201);
            var twice = grant(member, "HONOUR", "honour-1");
            assertStatus(twice, 409);
            assertStatus(grant(member, "HONOUR", "honour-2"), 201);
            var capped = grant(member, "HONOUR", "honour-3");

            assertStatus(capped, 422);
            assertThat(capped.body()).contains("今年已达上限 20 分");
        }

        @Test
        void onlyTheMembersBranchWritesTheLedger() throws Exception {
            var member = confirmedMember(someone("acl"), "李四");

            var refused = post(
                    "/api/members/points/entries",
                    otherBranchToken(),
                    "{\"memberId\":\"" + member + "\",\"ruleCode\":\"HONOUR\",\"reason\":\"优秀志愿者\"}");

            assertStatus(refused, 403);
        }
    }

    @Nested
    class Exchange {

        @Test
        void parallelRedemptionsNeverOverdraw() throws Exception {
            var subject = someone("spend");
            var member = confirmedMember(subject, "韩梅");
            assertStatus(grant(member, "HONOUR", null), 201);
            var item = addItem("洗衣液", 3, 100);

            var answers = atOnce(
                    8,
                    () -> post("/api/members/exchange/items/" + item + "/redeem", memberToken(subject), "{}")
                            .statusCode());

            assertThat(answers.stream().filter(s -> s == 201)).hasSize(3);
            assertThat(answers.stream().filter(s -> s != 201)).allMatch(s -> s == 409);
            var standing = json(get("/api/members/points/me", memberToken(subject)));
            assertThat(standing.get("spendable").asInt()).isEqualTo(1);
            assertThat(standing.get("score").asInt())
                    .as("spending is not conduct")
                    .isEqualTo(70);
            var refused = post("/api/members/exchange/items/" + item + "/redeem", memberToken(subject), "{}");
            assertThat(json(refused).get("detail").asString()).isEqualTo("可用积分不足：需要 3 分，您当前可用 1 分");
        }

        @Test
        void parallelRedemptionsNeverOversell() throws Exception {
            var item = addItem("电影票", 1, 2);
            var subjects = new ArrayList<String>();
            for (int i = 0; i < 5; i++) {
                var subject = someone("buyer");
                var member = confirmedMember(subject, "买家" + i);
                assertStatus(grant(member, "HONOUR", null), 201);
                subjects.add(subject);
            }
            var next = new java.util.concurrent.atomic.AtomicInteger();

            var answers = atOnce(
                    5,
                    () -> post(
                                    "/api/members/exchange/items/" + item + "/redeem",
                                    memberToken(subjects.get(next.getAndIncrement())),
                                    "{}")
                            .statusCode());

            assertThat(answers.stream().filter(s -> s == 201)).hasSize(2);
            assertThat(jdbc.sql("SELECT stock FROM catalogue_item WHERE id = :id")
                            .param("id", UUID.fromString(item))
                            .query(Integer.class)
                            .single())
                    .isZero();
        }

        @Test
        void theCommunityRecordsTheHandOverOnce() throws Exception {
            var subject = someone("hand");
            var member = confirmedMember(subject, "冯十");
            assertStatus(grant(member, "HONOUR", null), 201);
            var item = addItem("毛巾", 2, 5);
            var redemption = json(post("/api/members/exchange/items/" + item + "/redeem", memberToken(subject), "{}"))
                    .get("id")
                    .asString();

            var handed = post("/api/members/exchange/redemptions/" + redemption + "/hand-over", branchToken(), "{}");

            assertStatus(handed, 200);
            assertThat(json(handed).get("stateLabel").asString()).isEqualTo("已领取");
            assertStatus(
                    post("/api/members/exchange/redemptions/" + redemption + "/hand-over", branchToken(), "{}"), 409);
        }

        @Test
        void everyRestockOrWithdrawalIsKeptWithWhoAndTheStateBeforeAndAfter() throws Exception {
            var item = addItem("雨伞", 3, 4);
            var path = "/api/members/exchange/items/" + item + "/stock";

            assertStatus(post(path, branchToken(), "{\"stock\":10}"), 200);
            assertStatus(post(path, branchToken(), "{\"stock\":10}"), 200);
            assertStatus(post(path, branchToken(), "{\"stock\":10,\"active\":false}"), 200);

            var kept = jdbc.sql("SELECT changed_by || ' ' || stock_before || '>' || stock_after || ' '"
                            + " || active_before || '>' || active_after"
                            + " FROM catalogue_stock_change WHERE item_id = :id ORDER BY seq")
                    .param("id", UUID.fromString(item))
                    .query(String.class)
                    .list();
            // the second call changed nothing, so nothing is kept for it
            assertThat(kept).containsExactly("branch-jjf 4>10 true>true", "branch-jjf 10>10 true>false");
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM catalogue_stock_change WHERE item_id = :id")
                            .param("id", UUID.fromString(item))
                            .update())
                    .hasMessageContaining("append-only");
        }
    }

    private HttpResponse<String> grant(String member, String rule, String eventRef) throws Exception {
        return post(
                "/api/members/points/entries",
                branchToken(),
                "{\"memberId\":\"" + member + "\",\"ruleCode\":\"" + rule + "\",\"reason\":\"优秀志愿者\""
                        + (eventRef == null ? "" : ",\"eventRef\":\"" + eventRef + "\"") + "}");
    }

    private String addItem(String name, int points, int stock) throws Exception {
        var added = post("/api/members/exchange/items", branchToken(), """
                {"compoundId":"JJF","name":"%s","description":"积分超市","points":%d,"stock":%d}""".formatted(name, points, stock));
        assertStatus(added, 201);
        return json(added).get("id").asString();
    }
}
