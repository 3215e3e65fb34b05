package org.whistle.evaluation.appraisal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.evaluation.appraisal.domain.AnswerCounts;
import org.whistle.evaluation.appraisal.domain.CaseFigures;
import org.whistle.evaluation.appraisal.domain.FollowUpCounts;
import org.whistle.evaluation.appraisal.domain.HandlingCounts;
import org.whistle.evaluation.appraisal.domain.Period;

/**
 * The case figures an appraisal needs, counted from the case projection ({@code eval_case}, {@code eval_case_unit})
 * that the event consumer folds. Which cases count: dispatched, not exempt, whose handling clock fell due in the
 * period ({@code count_date}); a unit's summonses by their report-in due date.
 */
@Component
class ProjectionFigures implements CaseFigures {

    private static final String HANDLING = """
            SELECT %s AS id, count(*) AS due,
                count(*) FILTER (WHERE handled_at IS NOT NULL) AS handled,
                count(*) FILTER (WHERE handled_at IS NOT NULL AND NOT handled_late) AS on_time,
                count(*) FILTER (WHERE handled_at IS NULL AND (handled_late OR handle_due_at < :now)) AS overdue,
                count(*) FILTER (WHERE reworked > 0) AS reworked,
                count(*) FILTER (WHERE extended > 0) AS extended
            FROM eval_case c
            WHERE %s AND c.count_date BETWEEN :from AND :to
                AND c.dispatched_at IS NOT NULL AND c.exempt_reason IS NULL
            GROUP BY 1
            """;

    private final JdbcClient jdbc;

    ProjectionFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, HandlingCounts> ofLeadUnits(Collection<String> units, Period period, Instant now) {
        return handling(HANDLING.formatted("c.lead_unit_id", "c.lead_unit_id = ANY(:ids)"), units, period, now);
    }

    @Override
    public Map<String, HandlingCounts> ofAreas(Collection<String> areas, Period period, Instant now) {
        // a case lies in every area on its way up: its grid, and the grid's ancestors as the organisation knows them
        var sql = """
                SELECT a.id AS id, count(*) AS due,
                    count(*) FILTER (WHERE handled_at IS NOT NULL) AS handled,
                    count(*) FILTER (WHERE handled_at IS NOT NULL AND NOT handled_late) AS on_time,
                    count(*) FILTER (WHERE handled_at IS NULL AND (handled_late OR handle_due_at < :now)) AS overdue,
                    count(*) FILTER (WHERE reworked > 0) AS reworked,
                    count(*) FILTER (WHERE extended > 0) AS extended
                FROM eval_case c
                JOIN org_unit g ON g.unit_id = c.area_id
                JOIN unnest(CAST(:ids AS TEXT[])) AS a(id) ON a.id = c.area_id OR a.id = ANY(g.ancestry)
                WHERE c.count_date BETWEEN :from AND :to
                    AND c.dispatched_at IS NOT NULL AND c.exempt_reason IS NULL
                GROUP BY 1
                """;
        return handling(sql, areas, period, now);
    }

    @Override
    public Map<String, FollowUpCounts> followUpsInAreas(Collection<String> areas, Period period) {
        var result = new HashMap<String, FollowUpCounts>();
        jdbc.sql("""
                        SELECT a.id AS id, count(*) AS due,
                            count(*) FILTER (WHERE responded_on_time) AS responded,
                            count(*) FILTER (WHERE followed_up) AS followed,
                            count(*) FILTER (WHERE followed_up AND answer_resolved) AS resolved,
                            count(*) FILTER (WHERE followed_up AND answer_rating = 'SATISFIED') AS satisfied,
                            count(*) FILTER (WHERE followed_up AND answer_rating = 'BASICALLY_SATISFIED') AS basically
                        FROM eval_case c
                        JOIN org_unit g ON g.unit_id = c.area_id
                        JOIN unnest(CAST(:ids AS TEXT[])) AS a(id) ON a.id = c.area_id OR a.id = ANY(g.ancestry)
                        WHERE c.count_date BETWEEN :from AND :to
                            AND c.dispatched_at IS NOT NULL AND c.exempt_reason IS NULL
                        GROUP BY 1
                        """)
                .param("ids", areas.toArray(String[]::new))
                .param("from", period.from())
                .param("to", period.to())
                .query((rs, row) -> result.put(
                        rs.getString("id"),
                        new FollowUpCounts(
                                rs.getLong("due"),
                                rs.getLong("responded"),
                                rs.getLong("followed"),
                                rs.getLong("resolved"),
                                rs.getLong("satisfied"),
                                rs.getLong("basically"))))
                .list();
        return result;
    }

    @Override
    public Map<String, AnswerCounts> answersOfUnits(Collection<String> units, Period period) {
        return answers("u.unit_id", "u.unit_id = ANY(:ids)", "", units, period);
    }

    @Override
    public Map<String, AnswerCounts> answersInAreas(Collection<String> areas, Period period) {
        return answers("a.id", "TRUE", """
                JOIN org_unit g ON g.unit_id = c.area_id
                JOIN unnest(CAST(:ids AS TEXT[])) AS a(id) ON a.id = c.area_id OR a.id = ANY(g.ancestry)
                """, areas, period);
    }

    private Map<String, AnswerCounts> answers(
            String key, String where, String join, Collection<String> ids, Period period) {
        var result = new HashMap<String, AnswerCounts>();
        jdbc.sql("""
                        SELECT %s AS id, count(*) AS summoned,
                            count(*) FILTER (WHERE u.reported_in_at IS NOT NULL AND NOT u.report_in_late) AS on_time,
                            count(*) FILTER (WHERE u.done_at IS NOT NULL OR u.declined_at IS NOT NULL) AS ended,
                            count(*) FILTER (WHERE u.done_at IS NOT NULL) AS done
                        FROM eval_case_unit u JOIN eval_case c ON c.whistle_id = u.whistle_id
                        %s
                        WHERE %s AND u.count_date BETWEEN :from AND :to
                        GROUP BY 1
                        """.formatted(key, join, where))
                .param("ids", ids.toArray(String[]::new))
                .param("from", period.from())
                .param("to", period.to())
                .query((rs, row) -> result.put(
                        rs.getString("id"),
                        new AnswerCounts(
                                rs.getLong("summoned"),
                                rs.getLong("on_time"),
                                rs.getLong("ended"),
                                rs.getLong("done"))))
                .list();
        return result;
    }

    private Map<String, HandlingCounts> handling(String sql, Collection<String> ids, Period period, Instant now) {
        var result = new HashMap<String, HandlingCounts>();
        jdbc.sql(sql)
                .param("ids", ids.toArray(String[]::new))
                .param("from", period.from())
                .param("to", period.to())
                .param("now", Timestamp.from(now))
                .query((rs, row) -> result.put(
                        rs.getString("id"),
                        new HandlingCounts(
                                rs.getLong("due"),
                                rs.getLong("handled"),
                                rs.getLong("on_time"),
                                rs.getLong("overdue"),
                                rs.getLong("reworked"),
                                rs.getLong("extended"))))
                .list();
        return result;
    }
}
