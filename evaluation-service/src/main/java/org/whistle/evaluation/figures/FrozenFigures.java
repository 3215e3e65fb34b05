package org.whistle.evaluation.figures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.evaluation.vocabulary.domain.Counts;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A closed period's counts, counted once from its frozen rows and then served as kept ({@code period_figure}). The
 * key is the statements themselves with their parameters (scope, days, as-of time, rules), so a figure counted
 * another way is never served for this one; the generation is the period's number of applied adjustments, read
 * before counting, so counts kept while an adjustment was being applied are kept under the generation they were
 * counted for and never served after it. Pending adjustments read live rows and are not kept.
 */
@Repository
class FrozenFigures {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<Map<String, Counts>> COUNTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Clock clock;

    FrozenFigures(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Whether a source's counts are kept: a closed period's original or published rows. */
    static boolean kept(FigureQueries.Query q) {
        return q.periodCode() != null && (q.source() == Source.ORIGINAL || q.source() == Source.PUBLISHED);
    }

    /** The kept counts for the statements, or those the counter gives, kept for the next read. */
    Map<String, Counts> counts(FigureQueries.Query q, String statements, Supplier<Map<String, Counts>> counter) {
        var code = java.util.Objects.requireNonNull(q.periodCode());
        var generation = generation(q, code);
        if (generation.isEmpty()) {
            return counter.get(); // the period is gone (a rebuild); nothing to keep it under
        }
        var key = key(q, statements);
        var kept = jdbc.sql("""
                        SELECT counts::text FROM period_figure
                        WHERE period_code = :code AND query_key = :key AND generation = :generation""")
                .param("code", code)
                .param("key", key)
                .param("generation", generation.get())
                .query(String.class)
                .optional();
        if (kept.isPresent()) {
            return new HashMap<>(JSON.readValue(kept.get(), COUNTS));
        }
        var counted = counter.get();
        jdbc.sql("""
                        INSERT INTO period_figure (period_code, source, generation, query_key, counts, counted_at)
                        VALUES (:code, :source, :generation, :key, CAST(:counts AS jsonb), :now)
                        ON CONFLICT DO NOTHING""")
                .param("code", code)
                .param("source", q.source().name())
                .param("generation", generation.get())
                .param("key", key)
                .param("counts", JSON.writeValueAsString(counted))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        // counts of earlier generations are never read again
        jdbc.sql(
                        "DELETE FROM period_figure WHERE period_code = :code AND source = :source AND generation < :generation")
                .param("code", code)
                .param("source", q.source().name())
                .param("generation", generation.get())
                .update();
        return counted;
    }

    private Optional<Integer> generation(FigureQueries.Query q, String code) {
        if (q.source() == Source.ORIGINAL) {
            return jdbc.sql("SELECT 0 FROM period WHERE code = :code")
                    .param("code", code)
                    .query(Integer.class)
                    .optional();
        }
        return jdbc.sql("SELECT adjustments FROM period WHERE code = :code")
                .param("code", code)
                .query(Integer.class)
                .optional();
    }

    private static String key(FigureQueries.Query q, String statements) {
        var params = new TreeMap<String, Object>(q.scope().params());
        params.put("from", q.from());
        params.put("to", q.to());
        params.put("asOf", q.asOf());
        params.put("countPhone", q.rules().countPhoneFollowUps());
        params.put("rules", q.rules().version());
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(statements.getBytes(StandardCharsets.UTF_8));
            digest.update(params.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
