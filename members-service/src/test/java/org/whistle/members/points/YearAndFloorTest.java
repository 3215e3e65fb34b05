package org.whistle.members.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.whistle.members.MembersServiceTest;

/**
 * The default rule set's year (MEMBERS.md §4): every member starts the year at the base (60), additions and deductions
 * count within the year, the year resets — last year's points neither raise this year's score nor can be spent — and
 * no score goes below the floor (0), in the member's own view as in the branch's ranking.
 */
class YearAndFloorTest extends MembersServiceTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** An entry as the branch wrote it at a given time (the ledger takes inserts; its trigger refuses the rest). */
    private void entry(String member, int amount, String rule, String reason, Instant at) {
        jdbc.sql("""
                        INSERT INTO ledger_entry (id, member_id, amount, reason, city_id, rule_code, approver,
                            approver_name, at, year)
                        VALUES (:id, :member, :amount, :reason, 'C', :rule, 'branch-jjf', '韩淑芬', :at, :year)""")
                .param("id", UUID.randomUUID())
                .param("member", UUID.fromString(member))
                .param("amount", amount)
                .param("reason", reason)
                .param("rule", rule)
                .param("at", Timestamp.from(at))
                .param("year", at.atZone(SHANGHAI).getYear())
                .update();
    }

    @Test
    void lastYearsPointsNeitherRaiseThisYearsScoreNorCanBeSpent() throws Exception {
        var subject = someone("lastyear");
        var member = confirmedMember(subject, "冯去年");
        var thisYear = ZonedDateTime.now(SHANGHAI).getYear();
        var lastYear = thisYear - 1;
        entry(
                member,
                10,
                "HONOUR",
                "获得表彰：去年的优秀志愿者",
                ZonedDateTime.of(lastYear, 12, 20, 10, 0, 0, 0, SHANGHAI).toInstant());
        entry(
                member,
                2,
                "MEETING",
                "参加三会一课、主题党日：今年一月",
                ZonedDateTime.of(thisYear, 1, 5, 10, 0, 0, 0, SHANGHAI).toInstant());

        var now = json(get("/api/members/points/me", memberToken(subject)));
        assertThat(now.get("score").asInt())
                .as("the base and this year's entry only")
                .isEqualTo(62);
        assertThat(now.get("spendable").asInt())
                .as("last year's 10 points reset")
                .isEqualTo(2);
        assertThat(now.get("entries").findValuesAsString("reason")).containsExactly("参加三会一课、主题党日：今年一月");

        var then = json(get("/api/members/points/me?year=" + lastYear, memberToken(subject)));
        assertThat(then.get("score").asInt()).as("last year as it stood").isEqualTo(70);
        assertThat(then.get("entries").findValuesAsString("reason")).containsExactly("获得表彰：去年的优秀志愿者");
    }

    @Test
    void deductionsBeyondTheBaseStopAtTheFloor() throws Exception {
        var subject = someone("floor");
        var member = confirmedMember(subject, "褚扣分");
        entry(member, -70, "MISSED_DUTY", "无故不参加组织生活：全年未参加", Instant.now());

        var standing = json(get("/api/members/points/me", memberToken(subject)));
        assertThat(standing.get("score").asInt()).isZero();
        assertThat(standing.get("spendable").asInt()).isZero();
        var year = ZonedDateTime.now(SHANGHAI).getYear();
        var ranking =
                json(get("/api/members/points/rankings?compoundId=JJF&year=" + year + "&group=PARTY", branchToken()));
        var mine = ranking.values().stream()
                .filter(r -> r.get("memberId").asString().equals(member))
                .findFirst()
                .orElseThrow();
        assertThat(mine.get("score").asInt()).isZero();
    }
}
