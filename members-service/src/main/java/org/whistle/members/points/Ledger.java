package org.whistle.members.points;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.members.points.domain.LedgerEntry;

/**
 * The ledger table: entries are only ever inserted (a trigger refuses updates and deletes); an entry with a grant key
 * is written at most once, whatever retries, redeliveries or concurrent approvals try.
 */
@Repository
public class Ledger {

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends an entry; false when one with its grant key exists already (nothing written). */
    public boolean append(LedgerEntry e) {
        return jdbc.sql("""
                                INSERT INTO ledger_entry (id, member_id, amount, reason, city_id, rule_code, task_id,
                                    event_ref, redemption_id, approver, approver_name, at, year, corrects, grant_key)
                                VALUES (:id, :member, :amount, :reason, :city, :rule, :task, :event, :redemption,
                                    :approver, :approverName, :at, :year, :corrects, :grantKey)
                                ON CONFLICT (grant_key) DO NOTHING""")
                        .param("id", e.id())
                        .param("member", e.memberId())
                        .param("amount", e.amount())
                        .param("reason", e.reason())
                        .param("city", e.cityId())
                        .param("rule", e.ruleCode())
                        .param("task", e.taskId())
                        .param("event", e.eventRef())
                        .param("redemption", e.redemptionId())
                        .param("approver", e.approver())
                        .param("approverName", e.approverName())
                        .param("at", Timestamp.from(e.at()))
                        .param("year", e.year())
                        .param("corrects", e.corrects())
                        .param("grantKey", e.grantKey())
                        .update()
                == 1;
    }

    public Optional<LedgerEntry> byId(UUID id) {
        return jdbc.sql("SELECT * FROM ledger_entry WHERE id = :id")
                .param("id", id)
                .query(Ledger::row)
                .optional();
    }

    /** A member's entries of a year, or of every year when {@code year} is null, oldest first. */
    public List<LedgerEntry> of(UUID member, @Nullable Integer year) {
        return jdbc.sql("""
                        SELECT * FROM ledger_entry WHERE member_id = :member
                            AND (CAST(:year AS INT) IS NULL OR year = :year)
                        ORDER BY seq""")
                .param("member", member)
                .param("year", year)
                .query(Ledger::row)
                .list();
    }

    /** What a member earned under one rule item in a year, for the item's cap. */
    public int earnedUnder(UUID member, String ruleCode, int year) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(amount), 0) FROM ledger_entry
                        WHERE member_id = :member AND rule_code = :rule AND year = :year AND amount > 0""")
                .param("member", member)
                .param("rule", ruleCode)
                .param("year", year)
                .query(Integer.class)
                .single();
    }

    static LedgerEntry row(ResultSet rs, int n) throws SQLException {
        return new LedgerEntry(
                rs.getObject("id", UUID.class),
                rs.getObject("member_id", UUID.class),
                rs.getInt("amount"),
                rs.getString("reason"),
                rs.getString("city_id"),
                rs.getString("rule_code"),
                rs.getObject("task_id", UUID.class),
                rs.getString("event_ref"),
                rs.getObject("redemption_id", UUID.class),
                rs.getString("approver"),
                rs.getString("approver_name"),
                rs.getTimestamp("at").toInstant(),
                rs.getInt("year"),
                rs.getObject("corrects", UUID.class),
                rs.getString("grant_key"));
    }
}
