package org.whistle.evaluation.periods;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.evaluation.periods.domain.AdjustmentState;
import org.whistle.evaluation.periods.domain.PeriodState;
import org.whistle.evaluation.vocabulary.domain.Period;
import org.whistle.problems.ConflictException;
import org.whistle.problems.NotFoundException;
import org.whistle.texts.Phrase;

/**
 * Closed periods with their frozen cases, and the adjustments to them. Closing copies the period's case rows as
 * they are; from then on a change to one of its cases is a pending adjustment, never a silent rewrite.
 */
@Repository
public class Periods {

    private static final Logger AUDIT = LoggerFactory.getLogger("org.whistle.evaluation.audit");
    private static final int REASON_LIMIT = 2000;

    private final JdbcClient jdbc;

    Periods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A closed period. */
    public record Closed(
            String code,
            Period period,
            PeriodState state,
            int ruleSetVersion,
            Instant asOf,
            Instant closedAt,
            String closedBy,
            @Nullable Instant publishedAt,
            @Nullable String publishedBy,
            int adjustments) {}

    public Optional<Closed> find(String code) {
        return jdbc.sql("SELECT * FROM period WHERE code = :code")
                .param("code", code)
                .query((rs, row) -> read(rs))
                .optional();
    }

    public List<Closed> all() {
        return jdbc.sql("SELECT * FROM period ORDER BY from_date DESC, code")
                .query((rs, row) -> read(rs))
                .list();
    }

    /** Closes a period: freezes its cases and the rule set in force on its first day. */
    public Closed close(Period period, int ruleSetVersion, String author, Instant now) {
        if (period.kind() == Period.Kind.RANGE) {
            throw new ConflictException(Phrase.of("evaluation.refusal.closeWhich"));
        }
        int inserted = jdbc.sql("""
                        INSERT INTO period (code, kind, from_date, to_date, state, rule_set_version, as_of, closed_at,
                            closed_by)
                        VALUES (:code, :kind, :from, :to, 'CLOSED', :version, :now, :now, :author)
                        ON CONFLICT (code) DO NOTHING
                        """)
                .param("code", period.code())
                .param("kind", period.kind().name())
                .param("from", period.from())
                .param("to", period.to())
                .param("version", ruleSetVersion)
                .param("now", Timestamp.from(now))
                .param("author", author)
                .update();
        if (inserted == 0) {
            throw new ConflictException(Phrase.of("evaluation.refusal.alreadyClosed", "period", period.code()));
        }
        jdbc.sql("""
                        INSERT INTO period_case (period_code, whistle_id, original_row, case_row, original_exemption,
                            exemption)
                        SELECT :code, c.whistle_id, to_jsonb(c), to_jsonb(c), e.reason, e.reason
                        FROM eval_case c
                        LEFT JOIN case_exemption e ON e.whistle_id = c.whistle_id AND e.revoked_at IS NULL
                        WHERE c.count_date BETWEEN :from AND :to
                        """)
                .param("code", period.code())
                .param("from", period.from())
                .param("to", period.to())
                .update();
        jdbc.sql("""
                        INSERT INTO period_case_unit (period_code, whistle_id, unit_id, original_row, unit_row)
                        SELECT :code, u.whistle_id, u.unit_id, to_jsonb(u), to_jsonb(u)
                        FROM eval_case_unit u WHERE u.count_date BETWEEN :from AND :to
                        """)
                .param("code", period.code())
                .param("from", period.from())
                .param("to", period.to())
                .update();
        AUDIT.info("period {} closed by {} with rule set v{}", period.code(), author, ruleSetVersion);
        return find(period.code()).orElseThrow();
    }

    public Closed publish(String code, String author, Instant now) {
        var closed = find(code).orElseThrow(() -> new NotFoundException("period", code));
        closed.state().cannotPublish().ifPresent(reason -> {
            throw new ConflictException(reason);
        });
        jdbc.sql("UPDATE period SET state = 'PUBLISHED', published_at = :now, published_by = :author"
                        + " WHERE code = :code AND state = 'CLOSED'")
                .param("code", code)
                .param("now", Timestamp.from(now))
                .param("author", author)
                .update();
        AUDIT.info("period {} published by {}", code, author);
        return find(code).orElseThrow();
    }

    /** The closed periods whose days include the given one. */
    public List<String> closedOn(LocalDate day) {
        return jdbc.sql("SELECT code FROM period WHERE :day BETWEEN from_date AND to_date")
                .param("day", day)
                .query(String.class)
                .list();
    }

    /** Records a pending adjustment (or adds the reason to the one already pending for the case). */
    public void propose(
            String periodCode, UUID whistleId, @Nullable UUID eventId, String reason, String author, Instant now) {
        jdbc.sql("""
                        INSERT INTO adjustment (period_code, whistle_id, event_id, reason, author, created_at, state)
                        VALUES (:code, :whistle, :event, :reason, :author, :now, 'PENDING')
                        ON CONFLICT (period_code, whistle_id) WHERE state = 'PENDING'
                        DO UPDATE SET reason = left(adjustment.reason || '；' || EXCLUDED.reason, :limit)
                        """)
                .param("code", periodCode)
                .param("whistle", whistleId)
                .param("event", eventId)
                .param("reason", reason.length() > REASON_LIMIT ? reason.substring(0, REASON_LIMIT) : reason)
                .param("author", author)
                .param("now", Timestamp.from(now))
                .param("limit", REASON_LIMIT)
                .update();
        AUDIT.info("adjustment proposed for period {} case {} by {}: {}", periodCode, whistleId, author, reason);
    }

    /** An adjustment with its decision. */
    public record Adjustment(
            long id,
            String periodCode,
            UUID whistleId,
            @Nullable String ticketNumber,
            @Nullable UUID eventId,
            String reason,
            String author,
            Instant createdAt,
            AdjustmentState state,
            @Nullable Instant decidedAt,
            @Nullable String decidedBy,
            @Nullable String decisionReason) {}

    public List<Adjustment> adjustments(String periodCode) {
        return jdbc.sql("""
                        SELECT j.*, c.ticket_number FROM adjustment j
                        LEFT JOIN eval_case c ON c.whistle_id = j.whistle_id
                        WHERE j.period_code = :code ORDER BY j.id
                        """)
                .param("code", periodCode)
                .query((rs, row) -> new Adjustment(
                        rs.getLong("id"),
                        rs.getString("period_code"),
                        rs.getObject("whistle_id", UUID.class),
                        rs.getString("ticket_number"),
                        rs.getObject("event_id", UUID.class),
                        rs.getString("reason"),
                        rs.getString("author"),
                        rs.getTimestamp("created_at").toInstant(),
                        AdjustmentState.valueOf(rs.getString("state")),
                        rs.getTimestamp("decided_at") == null
                                ? null
                                : rs.getTimestamp("decided_at").toInstant(),
                        rs.getString("decided_by"),
                        rs.getString("decision_reason")))
                .list();
    }

    public long pending(String periodCode) {
        return jdbc.sql("SELECT count(*) FROM adjustment WHERE period_code = :code AND state = 'PENDING'")
                .param("code", periodCode)
                .query(Long.class)
                .single();
    }

    /**
     * Decides an adjustment: applying it puts the case's current row (and its units, and its exemption) into the
     * period's published rows — or takes it out when it no longer counts in the period; the original rows stay.
     */
    public Adjustment decide(String periodCode, long id, boolean apply, String author, String reason, Instant now) {
        var adjustment = adjustments(periodCode).stream()
                .filter(a -> a.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("adjustment", Long.toString(id)));
        adjustment.state().cannotDecide().ifPresent(why -> {
            throw new ConflictException(why);
        });
        var period = find(periodCode).orElseThrow();
        if (apply) {
            var params = new java.util.HashMap<String, Object>();
            params.put("code", periodCode);
            params.put("whistle", adjustment.whistleId());
            params.put("from", period.period().from());
            params.put("to", period.period().to());
            jdbc.sql("""
                            INSERT INTO period_case (period_code, whistle_id, original_row, case_row,
                                original_exemption, exemption)
                            VALUES (:code, :whistle, NULL, NULL, NULL, NULL) ON CONFLICT DO NOTHING
                            """).params(params).update();
            jdbc.sql("""
                            UPDATE period_case p SET
                                case_row = (SELECT to_jsonb(c) FROM eval_case c WHERE c.whistle_id = :whistle
                                    AND c.count_date BETWEEN :from AND :to),
                                exemption = (SELECT e.reason FROM case_exemption e WHERE e.whistle_id = :whistle
                                    AND e.revoked_at IS NULL)
                            WHERE p.period_code = :code AND p.whistle_id = :whistle
                            """).params(params).update();
            jdbc.sql("UPDATE period_case_unit SET unit_row = NULL WHERE period_code = :code AND whistle_id = :whistle")
                    .params(params)
                    .update();
            jdbc.sql("""
                            INSERT INTO period_case_unit (period_code, whistle_id, unit_id, original_row, unit_row)
                            SELECT :code, u.whistle_id, u.unit_id, NULL, to_jsonb(u) FROM eval_case_unit u
                            WHERE u.whistle_id = :whistle AND u.count_date BETWEEN :from AND :to
                            ON CONFLICT (period_code, whistle_id, unit_id) DO UPDATE SET unit_row = EXCLUDED.unit_row
                            """).params(params).update();
            jdbc.sql("UPDATE period SET adjustments = adjustments + 1 WHERE code = :code")
                    .param("code", periodCode)
                    .update();
        }
        jdbc.sql("""
                        UPDATE adjustment SET state = :state, decided_at = :now, decided_by = :author,
                            decision_reason = :reason
                        WHERE id = :id AND state = 'PENDING'
                        """)
                .param("state", apply ? AdjustmentState.APPLIED.name() : AdjustmentState.REJECTED.name())
                .param("now", Timestamp.from(now))
                .param("author", author)
                .param("reason", reason)
                .param("id", id)
                .update();
        AUDIT.info(
                "adjustment {} of period {} {} by {}: {}",
                id,
                periodCode,
                apply ? "applied" : "rejected",
                author,
                reason);
        return adjustments(periodCode).stream()
                .filter(a -> a.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private static Closed read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Closed(
                rs.getString("code"),
                new Period(
                        Period.Kind.valueOf(rs.getString("kind")),
                        rs.getObject("from_date", LocalDate.class),
                        rs.getObject("to_date", LocalDate.class)),
                PeriodState.valueOf(rs.getString("state")),
                rs.getInt("rule_set_version"),
                rs.getTimestamp("as_of").toInstant(),
                rs.getTimestamp("closed_at").toInstant(),
                rs.getString("closed_by"),
                rs.getTimestamp("published_at") == null
                        ? null
                        : rs.getTimestamp("published_at").toInstant(),
                rs.getString("published_by"),
                rs.getInt("adjustments"));
    }
}
