package org.whistle.evaluation.figures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.evaluation.cases.domain.Shares;
import org.whistle.evaluation.rules.domain.RuleSet;
import org.whistle.evaluation.vocabulary.domain.Counts;

/**
 * Counts live figures from the rollups (ADR 0037) instead of the case rows: the whole months of a range from the
 * month rows, the days at either end from the day rows, and of each bucket only the exempt classes the rule set
 * counts. Overdue-and-open, which depends on the moment of reading, is counted by {@link FigureQueries} from the
 * open cases.
 */
@Repository
class RollupQueries {

    private final JdbcClient jdbc;

    RollupQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A statement a live read runs: its SQL and parameters (for the plan tests too). */
    record Statement(String sql, Map<String, Object> params) {}

    /** The statements of {@link #counts}: the cases' rollups, then the summons'. */
    List<Statement> statements(FigureQueries.Query q) {
        var rolled = q.scope().rolled();
        var counted = "r.exempt_class IN (" + counted(q.rules()) + ")";
        var columns = new ArrayList<String>();
        columns.add("sum(r.raised) AS raised");
        columns.add("coalesce(sum(r.raised) FILTER (WHERE NOT " + counted + "), 0) AS exempt");
        for (var column : Shares.CASE_COLUMNS.subList(1, Shares.CASE_COLUMNS.size())) {
            columns.add("coalesce(sum(r." + column + ") FILTER (WHERE " + counted + "), 0) AS " + column);
        }
        var sql = "SELECT " + rolled.key() + " AS k,\n" + String.join(",\n", columns) + "\nFROM eval_rollup r "
                + rolled.join() + "\nWHERE r.dim = :dim AND " + RANGE + " AND " + rolled.where()
                + "\nGROUP BY 1 HAVING sum(r.raised) > 0";
        var unitColumns = new ArrayList<String>();
        for (var column : Shares.UNIT_COLUMNS) {
            unitColumns.add("coalesce(sum(r." + column + ") FILTER (WHERE " + counted + "), 0) AS " + column);
        }
        var unitSql = "SELECT " + rolled.key() + " AS k,\n" + String.join(",\n", unitColumns)
                + "\nFROM eval_unit_rollup r " + rolled.join() + "\nWHERE r.dim = :dim AND " + RANGE + " AND "
                + rolled.where() + "\nGROUP BY 1 HAVING sum(r.summoned) > 0";
        var params = params(q);
        return List.of(new Statement(sql, params), new Statement(unitSql, params));
    }

    /** The counts per key, without overdue-and-open. */
    Map<String, Counts> counts(FigureQueries.Query q) {
        var statements = statements(q);
        var counts = new HashMap<String, Counts>();
        jdbc.sql(statements.get(0).sql())
                .params(statements.get(0).params())
                .query((rs, row) -> Map.entry(rs.getString("k"), caseCounts(rs, q.rules())))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        jdbc.sql(statements.get(1).sql())
                .params(statements.get(1).params())
                .query((rs, row) -> {
                    var key = rs.getString("k");
                    var d = duration(rs, "report_in");
                    counts.put(
                            key,
                            counts.getOrDefault(key, Counts.NONE)
                                    .withUnits(rs.getLong("summoned"), rs.getLong("reported_on_time"), d[0], d[1]));
                    return key;
                })
                .list();
        return counts;
    }

    /** The classes a rule set counts: those nothing exempts, and the outcomes it does not exempt. */
    private static String counted(RuleSet rules) {
        var classes = new ArrayList<String>();
        classes.add(Shares.NONE);
        Shares.OUTCOME_CLASSES.stream()
                .filter(o -> !rules.exemptOutcomes().contains(o))
                .sorted()
                .forEach(classes::add);
        // only the constants of Shares ever reach the SQL
        return classes.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "));
    }

    /** Whole months from the month rows, the days before the first and after the last from the day rows. */
    private static final String RANGE = "((r.grain = 'M' AND r.day BETWEEN :monthFrom AND :monthTo)"
            + " OR (r.grain = 'D' AND (r.day BETWEEN :from AND :headTo OR r.day BETWEEN :tailFrom AND :to)))";

    /** The split of a date range into whole months and the days at either end. */
    record Split(LocalDate monthFrom, LocalDate monthTo, LocalDate headTo, LocalDate tailFrom) {

        static Split of(LocalDate from, LocalDate to) {
            var firstMonth =
                    from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            var afterLast = to.plusDays(1).withDayOfMonth(1); // the first day after the last whole month
            if (!to.plusDays(1).equals(afterLast)) {
                afterLast = to.withDayOfMonth(1);
            }
            if (!firstMonth.isBefore(afterLast)) {
                // no whole month: every day from the day rows, no month row (an empty month range)
                return new Split(LocalDate.of(1, 1, 2), LocalDate.of(1, 1, 1), to, to.plusDays(1));
            }
            return new Split(firstMonth, afterLast.minusMonths(1), firstMonth.minusDays(1), afterLast);
        }
    }

    private static Map<String, Object> params(FigureQueries.Query q) {
        var split = Split.of(q.from(), q.to());
        var params = new HashMap<String, Object>(q.scope().params());
        params.put("dim", String.valueOf(q.scope().rolled().dim()));
        params.put("from", q.from());
        params.put("to", q.to());
        params.put("monthFrom", split.monthFrom());
        params.put("monthTo", split.monthTo());
        params.put("headTo", split.headTo());
        params.put("tailFrom", split.tailFrom());
        return Map.copyOf(params);
    }

    private static Counts caseCounts(ResultSet rs, RuleSet rules) throws SQLException {
        boolean phone = rules.countPhoneFollowUps();
        long followed = rs.getLong("followed_up") - (phone ? 0 : rs.getLong("followed_up_phone"));
        long resolved = rs.getLong("answered_resolved") - (phone ? 0 : rs.getLong("answered_resolved_phone"));
        long satisfied = rs.getLong("satisfied") - (phone ? 0 : rs.getLong("satisfied_phone"));
        long basically = rs.getLong("basically_satisfied") - (phone ? 0 : rs.getLong("basically_satisfied_phone"));
        var file = duration(rs, "file");
        var handle = duration(rs, "handle");
        var close = duration(rs, "close");
        return new Counts(
                rs.getLong("raised"),
                rs.getLong("exempt"),
                rs.getLong("filed"),
                rs.getLong("filed_on_time"),
                rs.getLong("dispatched"),
                rs.getLong("dispatched_correctly"),
                rs.getLong("dispatched"),
                rs.getLong("handled"),
                rs.getLong("handled_on_time"),
                rs.getLong("handled_late"),
                0,
                rs.getLong("filed"),
                rs.getLong("closed"),
                rs.getLong("closed_on_time"),
                rs.getLong("reworked"),
                rs.getLong("extended"),
                rs.getLong("self_handled"),
                rs.getLong("responded_on_time"),
                followed,
                resolved,
                satisfied,
                basically,
                0,
                0,
                new Counts.Durations(file[0], file[1], null, null, handle[0], handle[1], close[0], close[1]));
    }

    /** Mean and 90th percentile in seconds, to one decimal, or none without a duration. */
    private static @Nullable Double[] duration(ResultSet rs, String name) throws SQLException {
        long n = rs.getLong(name + "_n");
        if (n == 0) {
            return new @Nullable Double[] {null, null};
        }
        var buckets = new long[Shares.BUCKETS];
        var columns = Shares.histogram(name);
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = rs.getLong(columns.get(i));
        }
        return new @Nullable Double[] {round(rs.getLong(name + "_us") / (double) n / 1_000_000d), round(p90(buckets))};
    }

    /**
     * The 90th percentile as {@code percentile_cont(0.9)} places it (rank 0.9 × (n − 1)), read from the histogram:
     * within its bucket the durations are taken as evenly spread, so it is exact to the bucket's width; in the last,
     * open bucket it is the bucket's lower bound.
     */
    static double p90(long[] buckets) {
        long n = 0;
        for (long b : buckets) {
            n += b;
        }
        double rank = 0.9 * (n - 1);
        long before = 0;
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] > 0 && rank < before + buckets[i]) {
                double lower = i == 0 ? 0 : Shares.BOUNDS[i - 1];
                if (i == Shares.BOUNDS.length) {
                    return lower;
                }
                double upper = Shares.BOUNDS[i];
                double within = (rank - before + 0.5) / buckets[i];
                return lower + within * (upper - lower);
            }
            before += buckets[i];
        }
        return 0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
