package org.whistle.evaluation.appraisal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.evaluation.appraisal.domain.AppraisalWeights.Kind;
import tools.jackson.databind.json.JsonMapper;

/**
 * The appraisals a closed period froze: per kind the weights version it used, per object the row as it stood when the
 * period closed ({@code original_row}, never changed) and as adjusted since ({@code appraisal_row}), and every
 * adjustment with its author and reason.
 */
@Repository
class FrozenAppraisals {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final JdbcClient jdbc;

    FrozenAppraisals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A closed period's frozen set of one kind. */
    record FrozenSet(
            String periodCode,
            LocalDate from,
            LocalDate to,
            Kind kind,
            LocalDate originalWeightsFrom,
            LocalDate weightsFrom) {}

    /** One object's frozen row: as it stood at closing (null when it joined through an adjustment) and as it stands. */
    record Frozen<T>(@Nullable T original, @Nullable T current) {}

    /** An adjustment of a closed period's appraisals. */
    record Adjustment(
            long id,
            String periodCode,
            Kind kind,
            String reason,
            String author,
            Instant at,
            LocalDate weightsFrom,
            int changedRows) {}

    /** The frozen set of the closed period covering exactly these days, if it froze one. */
    Optional<FrozenSet> covering(LocalDate from, LocalDate to, Kind kind) {
        return jdbc.sql("""
                        SELECT s.*, p.from_date, p.to_date FROM frozen_appraisal_set s JOIN period p ON p.code = s.period_code
                        WHERE p.from_date = :from AND p.to_date = :to AND s.kind = :kind
                        """)
                .param("from", from)
                .param("to", to)
                .param("kind", kind.name())
                .query((rs, row) -> set(rs))
                .optional();
    }

    Optional<FrozenSet> of(String periodCode, Kind kind) {
        return jdbc.sql("""
                        SELECT s.*, p.from_date, p.to_date FROM frozen_appraisal_set s
                        JOIN period p ON p.code = s.period_code WHERE s.period_code = :code AND s.kind = :kind
                        """)
                .param("code", periodCode)
                .param("kind", kind.name())
                .query((rs, row) -> set(rs))
                .optional();
    }

    void freeze(String periodCode, Kind kind, LocalDate weightsFrom, Map<String, ?> rows, Instant now) {
        jdbc.sql("""
                        INSERT INTO frozen_appraisal_set (period_code, kind, original_weights_from, weights_from,
                            frozen_at)
                        VALUES (:code, :kind, :weights, :weights, :now)
                        """)
                .param("code", periodCode)
                .param("kind", kind.name())
                .param("weights", weightsFrom)
                .param("now", Timestamp.from(now))
                .update();
        rows.forEach((id, row) -> jdbc.sql("""
                        INSERT INTO frozen_appraisal (period_code, kind, object_id, original_row, appraisal_row)
                        VALUES (:code, :kind, :id, CAST(CAST(:row AS TEXT) AS JSONB), CAST(CAST(:row AS TEXT) AS JSONB))
                        """)
                .param("code", periodCode)
                .param("kind", kind.name())
                .param("id", id)
                .param("row", JSON.writeValueAsString(row))
                .update());
    }

    <T> Map<String, Frozen<T>> rows(String periodCode, Kind kind, List<String> ids, Class<T> type) {
        var rows = new HashMap<String, Frozen<T>>();
        jdbc.sql("""
                        SELECT object_id, original_row::text AS original, appraisal_row::text AS current
                        FROM frozen_appraisal WHERE period_code = :code AND kind = :kind AND object_id = ANY(:ids)
                        """)
                .param("code", periodCode)
                .param("kind", kind.name())
                .param("ids", ids.toArray(String[]::new))
                .query((rs, row) -> rows.put(
                        rs.getString("object_id"),
                        new Frozen<>(read(rs.getString("original"), type), read(rs.getString("current"), type))))
                .list();
        return rows;
    }

    /** Every object the set holds a row for. */
    List<String> objects(String periodCode, Kind kind) {
        return jdbc.sql("SELECT object_id FROM frozen_appraisal WHERE period_code = :code AND kind = :kind")
                .param("code", periodCode)
                .param("kind", kind.name())
                .query(String.class)
                .list();
    }

    /** Puts an adjusted row in place of the current one; the original stays (none for an object new to the set). */
    void replace(String periodCode, Kind kind, String id, Object row) {
        jdbc.sql("""
                        INSERT INTO frozen_appraisal (period_code, kind, object_id, original_row, appraisal_row)
                        VALUES (:code, :kind, :id, NULL, CAST(CAST(:row AS TEXT) AS JSONB))
                        ON CONFLICT (period_code, kind, object_id) DO UPDATE SET appraisal_row = EXCLUDED.appraisal_row
                        """)
                .param("code", periodCode)
                .param("kind", kind.name())
                .param("id", id)
                .param("row", JSON.writeValueAsString(row))
                .update();
    }

    void recordAdjustment(
            String periodCode, Kind kind, String reason, String author, Instant now, LocalDate weightsFrom, int n) {
        jdbc.sql("UPDATE frozen_appraisal_set SET weights_from = :weights WHERE period_code = :code AND kind = :kind")
                .param("weights", weightsFrom)
                .param("code", periodCode)
                .param("kind", kind.name())
                .update();
        jdbc.sql("""
                        INSERT INTO appraisal_adjustment (period_code, kind, reason, author, created_at, weights_from,
                            changed_rows)
                        VALUES (:code, :kind, :reason, :author, :now, :weights, :n)
                        """)
                .param("code", periodCode)
                .param("kind", kind.name())
                .param("reason", reason)
                .param("author", author)
                .param("now", Timestamp.from(now))
                .param("weights", weightsFrom)
                .param("n", n)
                .update();
    }

    List<Adjustment> adjustments(String periodCode) {
        return jdbc.sql("SELECT * FROM appraisal_adjustment WHERE period_code = :code ORDER BY id")
                .param("code", periodCode)
                .query((rs, row) -> new Adjustment(
                        rs.getLong("id"),
                        rs.getString("period_code"),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("reason"),
                        rs.getString("author"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("weights_from", LocalDate.class),
                        rs.getInt("changed_rows")))
                .list();
    }

    private static <T> @Nullable T read(@Nullable String json, Class<T> type) {
        return json == null ? null : JSON.readValue(json, type);
    }

    private static FrozenSet set(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FrozenSet(
                rs.getString("period_code"),
                rs.getObject("from_date", LocalDate.class),
                rs.getObject("to_date", LocalDate.class),
                Kind.valueOf(rs.getString("kind")),
                rs.getObject("original_weights_from", LocalDate.class),
                rs.getObject("weights_from", LocalDate.class));
    }
}
