package org.whistle.evaluation.rules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.evaluation.cases.CaseStore;
import org.whistle.problems.ConflictException;
import org.whistle.problems.NotFoundException;
import org.whistle.texts.Phrase;

/** Cases an administrator exempted from the figures, with the reason; a revoked exemption stays on record. */
@Repository
public class Exemptions {

    private static final Logger AUDIT = LoggerFactory.getLogger("org.whistle.evaluation.audit");

    private final JdbcClient jdbc;
    private final CaseStore cases;

    Exemptions(JdbcClient jdbc, CaseStore cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    /** An exemption as recorded. */
    public record Exemption(
            long id,
            UUID whistleId,
            @Nullable String ticketNumber,
            String reason,
            String author,
            Instant createdAt,
            @Nullable Instant revokedAt,
            @Nullable String revokedBy,
            @Nullable String revokeReason) {}

    public Exemption exempt(UUID whistleId, String reason, String author, Instant now) {
        if (jdbc.sql("SELECT count(*) FROM eval_case WHERE whistle_id = :id")
                        .param("id", whistleId)
                        .query(Long.class)
                        .single()
                == 0) {
            throw new NotFoundException("case", whistleId.toString());
        }
        cases.exemptionChanging(whistleId, true); // the rollups move the case to the exempt class (ADR 0037)
        int added = jdbc.sql("""
                        INSERT INTO case_exemption (whistle_id, reason, author, created_at)
                        VALUES (:id, :reason, :author, :now) ON CONFLICT DO NOTHING
                        """)
                .param("id", whistleId)
                .param("reason", reason)
                .param("author", author)
                .param("now", Timestamp.from(now))
                .update();
        if (added == 0) {
            throw new ConflictException(Phrase.of("evaluation.refusal.alreadyExempt"));
        }
        AUDIT.info("case {} exempted by {}: {}", whistleId, author, reason);
        return active(whistleId).orElseThrow();
    }

    public Exemption revoke(UUID whistleId, String reason, String author, Instant now) {
        var active = active(whistleId).orElseThrow(() -> new NotFoundException("exemption", whistleId.toString()));
        cases.exemptionChanging(whistleId, false);
        jdbc.sql("""
                        UPDATE case_exemption SET revoked_at = :now, revoked_by = :author, revoke_reason = :reason
                        WHERE id = :id AND revoked_at IS NULL
                        """)
                .param("id", active.id())
                .param("now", Timestamp.from(now))
                .param("author", author)
                .param("reason", reason)
                .update();
        AUDIT.info("exemption of case {} revoked by {}: {}", whistleId, author, reason);
        return all().stream().filter(e -> e.id() == active.id()).findFirst().orElseThrow();
    }

    public java.util.Optional<Exemption> active(UUID whistleId) {
        return all().stream()
                .filter(e -> e.whistleId().equals(whistleId) && e.revokedAt() == null)
                .findFirst();
    }

    public List<Exemption> all() {
        return jdbc.sql("""
                        SELECT e.*, c.ticket_number FROM case_exemption e
                        LEFT JOIN eval_case c ON c.whistle_id = e.whistle_id
                        ORDER BY e.id DESC LIMIT 1000
                        """)
                .query((rs, row) -> new Exemption(
                        rs.getLong("id"),
                        rs.getObject("whistle_id", UUID.class),
                        rs.getString("ticket_number"),
                        rs.getString("reason"),
                        rs.getString("author"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null
                                ? null
                                : rs.getTimestamp("revoked_at").toInstant(),
                        rs.getString("revoked_by"),
                        rs.getString("revoke_reason")))
                .list();
    }

    /** The date the case counts on, for finding the closed periods an exemption changes. */
    public java.time.LocalDate countDate(UUID whistleId) {
        return jdbc.sql("SELECT count_date FROM eval_case WHERE whistle_id = :id")
                .param("id", whistleId)
                .query(java.time.LocalDate.class)
                .single();
    }
}
