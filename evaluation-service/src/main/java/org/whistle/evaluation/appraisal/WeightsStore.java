package org.whistle.evaluation.appraisal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.evaluation.appraisal.domain.AppraisalWeights;
import org.whistle.evaluation.appraisal.domain.AppraisalWeights.Kind;
import org.whistle.problems.ConflictException;
import org.whistle.texts.Phrase;

/** The versions of the appraisal weights; a period uses the version in force on its first day. */
@Repository
class WeightsStore {

    /** A version with who recorded it and why. */
    record Version(AppraisalWeights weights, String author, String reason) {}

    private final JdbcClient jdbc;

    WeightsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AppraisalWeights inForce(Kind kind, LocalDate day) {
        return inForceIfAny(kind, day)
                .orElseThrow(() -> new ConflictException(Phrase.of("evaluation.refusal.noWeightsBefore")));
    }

    /** The version in force on a day, if any version was by then. */
    java.util.Optional<AppraisalWeights> inForceIfAny(Kind kind, LocalDate day) {
        return jdbc.sql("""
                        SELECT * FROM appraisal_weights WHERE kind = :kind AND effective_from <= :day
                        ORDER BY effective_from DESC LIMIT 1
                        """)
                .param("kind", kind.name())
                .param("day", day)
                .query((rs, row) -> weights(rs))
                .optional();
    }

    List<Version> versions() {
        return jdbc.sql("SELECT * FROM appraisal_weights ORDER BY kind, effective_from")
                .query((rs, row) -> new Version(weights(rs), rs.getString("author"), rs.getString("reason")))
                .list();
    }

    void add(AppraisalWeights w, String author, String reason) {
        int added = jdbc.sql("""
                        INSERT INTO appraisal_weights (kind, effective_from, handling, on_time_handling, rework,
                            overdue_pending, extension, case_share, other_share, author, reason)
                        VALUES (:kind, :from, :handling, :onTime, :rework, :overdue, :extension, :caseShare,
                            :otherShare, :author, :reason)
                        ON CONFLICT DO NOTHING
                        """)
                .param("kind", w.kind().name())
                .param("from", w.effectiveFrom())
                .param("handling", w.handling())
                .param("onTime", w.onTimeHandling())
                .param("rework", w.rework())
                .param("overdue", w.overduePending())
                .param("extension", w.extension())
                .param("caseShare", w.caseShare())
                .param("otherShare", w.otherShare())
                .param("author", author)
                .param("reason", reason)
                .update();
        if (added == 0) {
            throw new ConflictException(Phrase.of("evaluation.refusal.weightsVersionExists"));
        }
    }

    private static AppraisalWeights weights(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AppraisalWeights(
                Kind.valueOf(rs.getString("kind")),
                rs.getObject("effective_from", LocalDate.class),
                rs.getDouble("handling"),
                rs.getDouble("on_time_handling"),
                rs.getDouble("rework"),
                rs.getDouble("overdue_pending"),
                rs.getDouble("extension"),
                rs.getDouble("case_share"),
                rs.getDouble("other_share"));
    }
}
