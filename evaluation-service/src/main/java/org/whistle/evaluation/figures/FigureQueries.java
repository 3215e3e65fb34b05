package org.whistle.evaluation.figures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.evaluation.rules.domain.RuleSet;
import org.whistle.evaluation.vocabulary.domain.Counts;
import org.whistle.evaluation.vocabulary.domain.Rate.Measure;

/**
 * Counts cases: one SQL statement per figure (or per ranking, grouped), over the rows a {@link Source} gives, with
 * the predicate of each {@link Measure} stated once here and used both for the count and for the drill-down — so
 * the cases behind a figure are exactly the ones it counted.
 */
@Repository
public class FigureQueries {

    private static final Map<Measure, String> PREDICATES = new EnumMap<>(Measure.class);

    static {
        var counted = "NOT (%EXEMPT%)";
        var due = counted + " AND c.dispatched_at IS NOT NULL";
        var dueForClosure = counted + " AND c.filed_at IS NOT NULL";
        var followed = counted + " AND c.followed_up AND (:countPhone OR NOT c.answer_by_phone)";
        PREDICATES.put(Measure.RAISED, "TRUE");
        PREDICATES.put(Measure.EXEMPT, "%EXEMPT%");
        PREDICATES.put(Measure.FILED, dueForClosure);
        PREDICATES.put(Measure.FILED_ON_TIME, dueForClosure + " AND NOT c.file_late");
        PREDICATES.put(Measure.DISPATCHED, due);
        PREDICATES.put(Measure.DISPATCHED_CORRECTLY, due + " AND NOT c.returned AND NOT c.transferred");
        PREDICATES.put(Measure.DUE_FOR_HANDLING, due);
        PREDICATES.put(Measure.HANDLED, due + " AND c.handled_at IS NOT NULL");
        PREDICATES.put(Measure.HANDLED_ON_TIME, due + " AND c.handled_at IS NOT NULL AND NOT c.handled_late");
        PREDICATES.put(Measure.HANDLED_LATE, due + " AND c.handled_at IS NOT NULL AND c.handled_late");
        PREDICATES.put(
                Measure.OVERDUE_OPEN,
                due + " AND c.handled_at IS NULL AND c.outcome IS NULL AND ((c.resolve_expired_at IS NOT NULL"
                        + " AND c.resolve_expired_at <= :asOf) OR (c.due_source = 'SLA' AND c.handle_due_at < :asOf))");
        PREDICATES.put(Measure.DUE_FOR_CLOSURE, dueForClosure);
        PREDICATES.put(Measure.CLOSED, dueForClosure + " AND c.outcome IN ('RESOLVED', 'NO_ANSWER')");
        PREDICATES.put(Measure.CLOSED_ON_TIME, dueForClosure + " AND c.closed_on_time");
        PREDICATES.put(Measure.REWORKED, dueForClosure + " AND c.reworked > 0");
        PREDICATES.put(Measure.EXTENDED, due + " AND c.extended > 0");
        PREDICATES.put(Measure.SELF_HANDLED, counted + " AND c.self_handled");
        PREDICATES.put(Measure.RESPONDED_ON_TIME, due + " AND c.responded_on_time");
        PREDICATES.put(Measure.FOLLOWED_UP, followed);
        PREDICATES.put(Measure.ANSWERED_RESOLVED, followed + " AND c.answer_resolved");
        PREDICATES.put(Measure.SATISFIED, followed + " AND c.answer_rating = 'SATISFIED'");
        PREDICATES.put(Measure.BASICALLY_SATISFIED, followed + " AND c.answer_rating = 'BASICALLY_SATISFIED'");
        PREDICATES.put(Measure.UNITS_SUMMONED, counted);
        PREDICATES.put(
                Measure.UNITS_REPORTED_IN_ON_TIME,
                counted + " AND u.reported_in_at IS NOT NULL AND NOT u.report_in_late");
    }

    private final JdbcClient jdbc;
    private final RollupQueries rollups;
    private final FrozenFigures frozen;

    FigureQueries(JdbcClient jdbc, RollupQueries rollups, FrozenFigures frozen) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.frozen = frozen;
    }

    /** What is counted: a scope, over a source's rows, for the cases counted in a date range, under rules. */
    public record Query(
            Scope scope,
            Source source,
            @Nullable String periodCode,
            LocalDate from,
            LocalDate to,
            Instant asOf,
            RuleSet rules) {}

    /**
     * The counts per key of the scope (one key for a single object): live figures from the rollups and the open
     * cases (ADR 0037), a closed period's from its frozen rows — counted once and then served as kept
     * ({@link FrozenFigures}), with pending adjustments (live rows) counted on every read.
     */
    public Map<String, Counts> counts(Query q) {
        if (FrozenFigures.kept(q)) {
            return frozen.counts(q, caseSql(q) + "\n" + unitSql(q), () -> recount(q));
        }
        if (q.source() != Source.LIVE) {
            return recount(q);
        }
        var counts = rollups.counts(q);
        overdueOpen(q)
                .forEach((key, overdue) ->
                        counts.put(key, counts.getOrDefault(key, Counts.NONE).withOverdueOpen(overdue)));
        return counts;
    }

    /**
     * Overdue-and-open at the moment of reading, from the open dispatched cases alone (the partial index
     * {@code eval_case_open}): they are few whatever the history.
     */
    private Map<String, Long> overdueOpen(Query q) {
        var overdue = new HashMap<String, Long>();
        bind(jdbc.sql(overdueOpenSql(q)), q)
                .query((rs, row) -> overdue.put(rs.getString("k"), rs.getLong("n")))
                .list();
        return overdue;
    }

    /**
     * The SQL and parameters of every statement a live read runs, in order: for the plan tests, which hold them to
     * the rollups and the open cases' index (ADR 0037).
     */
    public List<Map.Entry<String, Map<String, Object>>> liveStatements(Query q) {
        var statements = new java.util.ArrayList<Map.Entry<String, Map<String, Object>>>();
        rollups.statements(q).forEach(s -> statements.add(Map.entry(s.sql(), s.params())));
        var params = new HashMap<String, Object>(q.scope().params());
        params.put("from", q.from());
        params.put("to", q.to());
        params.put("asOf", Timestamp.from(q.asOf()));
        params.put("countPhone", q.rules().countPhoneFollowUps());
        statements.add(Map.entry(overdueOpenSql(q), params));
        return statements;
    }

    private static String overdueOpenSql(Query q) {
        return "SELECT " + q.scope().caseKey() + " AS k, count(*) AS n FROM "
                + q.source().cases() + " c "
                + q.scope().caseJoin() + "\nWHERE c.count_date BETWEEN :from AND :to AND c.dispatched_at IS NOT NULL"
                + " AND c.handled_at IS NULL AND c.outcome IS NULL AND "
                + q.scope().caseWhere() + " AND "
                + predicate(Measure.OVERDUE_OPEN, q) + "\nGROUP BY 1";
    }

    /**
     * The counts per key counted from the case rows themselves: what a closed period's figures are, and what the
     * rollups of a live one must equal ({@code RollupsTest}).
     */
    public Map<String, Counts> recount(Query q) {
        var sql = caseSql(q);
        var counts = new HashMap<String, Counts>();
        bind(jdbc.sql(sql), q)
                .query((rs, row) -> Map.entry(rs.getString("k"), caseCounts(rs)))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        var unitSql = unitSql(q);
        record UnitCounts(
                String key,
                long summoned,
                long onTime,
                @Nullable Double mean,
                @Nullable Double p90) {}
        bind(jdbc.sql(unitSql), q)
                .query((rs, row) -> new UnitCounts(
                        rs.getString("k"),
                        rs.getLong("summoned"),
                        rs.getLong("on_time"),
                        number(rs, "report_in_mean"),
                        number(rs, "report_in_p90")))
                .list()
                .forEach(u -> counts.put(
                        u.key(),
                        counts.getOrDefault(u.key(), Counts.NONE)
                                .withUnits(u.summoned(), u.onTime(), u.mean(), u.p90())));
        return counts;
    }

    private static String caseSql(Query q) {
        var caseColumns = PREDICATES.entrySet().stream()
                .filter(e -> !e.getKey().perUnit())
                .map(e -> "count(*) FILTER (WHERE " + predicate(e.getKey(), q) + ") AS " + e.getKey())
                .collect(Collectors.joining(",\n"));
        var sql = "SELECT " + q.scope().caseKey() + " AS k,\n" + caseColumns + ",\n"
                + duration("c.filed_at - c.raised_at", predicate(Measure.FILED, q), "file") + ",\n"
                + duration("c.handled_at - c.dispatched_at", predicate(Measure.HANDLED, q), "handle") + ",\n"
                + duration("c.closed_at - c.raised_at", predicate(Measure.CLOSED, q), "close") + "\n"
                + "FROM " + q.source().cases() + " c " + q.scope().caseJoin() + "\n"
                + "WHERE c.count_date BETWEEN :from AND :to AND " + q.scope().caseWhere() + "\n"
                + "GROUP BY 1";
        return sql;
    }

    private static String unitSql(Query q) {
        return "SELECT " + q.scope().unitKey() + " AS k,\n"
                + "count(*) FILTER (WHERE " + predicate(Measure.UNITS_SUMMONED, q) + ") AS summoned,\n"
                + "count(*) FILTER (WHERE " + predicate(Measure.UNITS_REPORTED_IN_ON_TIME, q) + ") AS on_time,\n"
                + duration(
                        "u.reported_in_at - u.summoned_at",
                        predicate(Measure.UNITS_SUMMONED, q) + " AND u.reported_in_at IS NOT NULL",
                        "report_in")
                + "\nFROM " + q.source().units() + " u JOIN " + q.source().cases()
                + " c ON c.whistle_id = u.whistle_id "
                + q.scope().unitJoin() + "\n"
                + "WHERE u.count_date BETWEEN :from AND :to AND " + q.scope().unitWhere() + "\nGROUP BY 1";
    }

    /** A case behind a figure, as the drill-down shows it. */
    public record CaseRow(
            UUID whistleId,
            @Nullable String ticketNumber,
            @Nullable String state,
            @Nullable String categoryCode,
            @Nullable String areaId,
            @Nullable String owningCentreId,
            @Nullable String leadUnitId,
            @Nullable String unitId,
            @Nullable Instant raisedAt,
            @Nullable Instant dispatchedAt,
            @Nullable Instant dueAt,
            String dueSource,
            @Nullable Instant doneAt,
            boolean late,
            @Nullable String decidingClockId,
            @Nullable Instant closedAt,
            @Nullable String outcome,
            @Nullable String answerRating,
            boolean answerByPhone,
            @Nullable String exemptReason,
            LocalDate countDate) {}

    /** The cases (or, for a per-unit measure, the summons) a measure counted, by due date then number. */
    public List<CaseRow> cases(Query q, Measure measure, int offset, int limit) {
        String sql;
        if (measure.perUnit()) {
            sql = "SELECT c.*, u.unit_id AS unit, u.report_in_due_at AS due, u.due_source AS source,"
                    + " u.reported_in_at AS done, u.report_in_late AS is_late, u.count_date AS day"
                    + " FROM " + q.source().units() + " u JOIN " + q.source().cases()
                    + " c ON c.whistle_id = u.whistle_id "
                    + q.scope().unitJoin() + " WHERE u.count_date BETWEEN :from AND :to AND "
                    + q.scope().unitWhere()
                    + " AND " + predicate(measure, q) + " ORDER BY u.report_in_due_at, c.ticket_number, u.unit_id"
                    + " OFFSET :offset LIMIT :limit";
        } else {
            sql = "SELECT c.*, NULL AS unit, c.handle_due_at AS due, c.due_source AS source, c.handled_at AS done,"
                    + " c.handled_late AS is_late, c.count_date AS day"
                    + " FROM " + q.source().cases() + " c " + q.scope().caseJoin()
                    + " WHERE c.count_date BETWEEN :from AND :to AND "
                    + q.scope().caseWhere() + " AND "
                    + predicate(measure, q) + " ORDER BY c.count_date, c.ticket_number, c.whistle_id"
                    + " OFFSET :offset LIMIT :limit";
        }
        return bind(jdbc.sql(sql), q)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, row) -> new CaseRow(
                        rs.getObject("whistle_id", UUID.class),
                        rs.getString("ticket_number"),
                        rs.getString("state"),
                        rs.getString("category_code"),
                        rs.getString("area_id"),
                        rs.getString("owning_centre_id"),
                        rs.getString("lead_unit_id"),
                        rs.getString("unit"),
                        instant(rs, "raised_at"),
                        instant(rs, "dispatched_at"),
                        instant(rs, "due"),
                        rs.getString("source"),
                        instant(rs, "done"),
                        rs.getBoolean("is_late"),
                        rs.getString("deciding_clock_id"),
                        instant(rs, "closed_at"),
                        rs.getString("outcome"),
                        rs.getString("answer_rating"),
                        rs.getBoolean("answer_by_phone"),
                        exemptReason(rs, q.rules()),
                        rs.getObject("day", LocalDate.class)))
                .list();
    }

    private static @Nullable String exemptReason(ResultSet rs, RuleSet rules) throws SQLException {
        var manual = rs.getString("exemption");
        if (manual != null) {
            return manual;
        }
        var outcome = rs.getString("outcome");
        return outcome != null && rules.exemptOutcomes().contains(outcome) ? rs.getString("exempt_reason") : null;
    }

    private static String predicate(Measure measure, Query q) {
        var outcomes = q.rules().exemptOutcomes().stream()
                .filter(RuleSet.EXEMPTIBLE::contains) // only known constants ever reach the SQL
                .sorted()
                .map(o -> "'" + o + "'")
                .collect(Collectors.joining(", "));
        var exempt = "c.exemption IS NOT NULL"
                + (outcomes.isEmpty() ? "" : " OR coalesce(c.outcome, '') IN (" + outcomes + ")");
        return PREDICATES.get(measure).replace("%EXEMPT%", exempt);
    }

    private static String duration(String interval, String filter, String name) {
        var seconds = "extract(epoch FROM " + interval + ")";
        return "avg(" + seconds + ") FILTER (WHERE " + filter + ") AS " + name + "_mean, "
                + "percentile_cont(0.9) WITHIN GROUP (ORDER BY " + seconds + ") FILTER (WHERE " + filter + ") AS "
                + name + "_p90";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Query q) {
        var bound = spec.param("from", q.from())
                .param("to", q.to())
                .param("asOf", Timestamp.from(q.asOf()))
                .param("countPhone", q.rules().countPhoneFollowUps());
        if (q.periodCode() != null) {
            bound = bound.param("periodCode", q.periodCode());
        }
        for (var param : q.scope().params().entrySet()) {
            bound = bound.param(param.getKey(), param.getValue());
        }
        return bound;
    }

    private static Counts caseCounts(ResultSet rs) throws SQLException {
        return new Counts(
                rs.getLong("RAISED"),
                rs.getLong("EXEMPT"),
                rs.getLong("FILED"),
                rs.getLong("FILED_ON_TIME"),
                rs.getLong("DISPATCHED"),
                rs.getLong("DISPATCHED_CORRECTLY"),
                rs.getLong("DUE_FOR_HANDLING"),
                rs.getLong("HANDLED"),
                rs.getLong("HANDLED_ON_TIME"),
                rs.getLong("HANDLED_LATE"),
                rs.getLong("OVERDUE_OPEN"),
                rs.getLong("DUE_FOR_CLOSURE"),
                rs.getLong("CLOSED"),
                rs.getLong("CLOSED_ON_TIME"),
                rs.getLong("REWORKED"),
                rs.getLong("EXTENDED"),
                rs.getLong("SELF_HANDLED"),
                rs.getLong("RESPONDED_ON_TIME"),
                rs.getLong("FOLLOWED_UP"),
                rs.getLong("ANSWERED_RESOLVED"),
                rs.getLong("SATISFIED"),
                rs.getLong("BASICALLY_SATISFIED"),
                0,
                0,
                new Counts.Durations(
                        number(rs, "file_mean"),
                        number(rs, "file_p90"),
                        null,
                        null,
                        number(rs, "handle_mean"),
                        number(rs, "handle_p90"),
                        number(rs, "close_mean"),
                        number(rs, "close_p90")));
    }

    private static @Nullable Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(value * 10) / 10.0;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
