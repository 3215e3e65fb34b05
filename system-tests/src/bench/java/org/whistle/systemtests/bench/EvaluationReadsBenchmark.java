package org.whistle.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Evaluation reads (issue 20, ADR 0037): {@code bench.evaluation.cases} (10,000,000) historical cases of the demo city
 * bulk-loaded with {@code COPY} into evaluation-service's own case rows, the rollups recounted from them by the
 * service's own {@code rebuild_eval_rollups()} (what its fold would have written, {@code RollupsTest}), then every
 * figure, ranking and tile read the 考核 pages make for the city, a district, a street, a grid and a department, through
 * the gateway as an administrator: p50, p95 and p99 over repeated reads. Part {@code evaluation-reads}; the rows stay
 * in evaluation's database, so it runs after the other parts.
 */
@Order(11)
class EvaluationReadsBenchmark {

    static final String SECTION = "evaluation-reads-bench";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int DAYS = 730;

    private final long cases = Long.getLong("bench.evaluation.cases", Bench.smoke() ? 100_000 : 10_000_000);
    private final int reads = Bench.integer("bench.evaluation.reads", 40, 8);

    /** A grid of the demo city: its code, its street and the street's command centre. */
    record Grid(String code, String street, String centre) {}

    @Test
    void everyFigureAndRankingReadOverTenMillionCases() throws Exception {
        if (!Bench.enabled("evaluation-reads")) {
            return;
        }
        var platform = Bench.platform();
        var city = Bench.demoAccounts().toAbsolutePath().getParent().resolve("city");
        var grids = grids(city.resolve("nodes.csv"));
        var units = departments(city.resolve("units.csv"));
        var figures = new LinkedHashMap<String, Object>();
        long loadStart = System.nanoTime();
        try (var connection = platform.connect("evaluation")) {
            load(connection, grids, units, figures);
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        Bench.progress("[evaluation-reads] %,d cases loaded, rollups rebuilt in %.0f s", cases, loadSeconds);

        var month = LocalDate.now(SHANGHAI).minusMonths(1);
        var monthCode = month.toString().substring(0, 7);
        var quarterCode = month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
        var yearCode = Integer.toString(month.getYear() - 1);
        var range = month.minusMonths(2).withDayOfMonth(10) + ".." + month.withDayOfMonth(20);
        var grid = grids.getFirst();
        var unit = units.getFirst();
        var queries = new LinkedHashMap<String, String>();
        queries.put("city, last month", "/api/evaluation/figures?object=230200&period=" + monthCode);
        queries.put("city, a quarter", "/api/evaluation/figures?object=230200&period=" + quarterCode);
        queries.put("city, last year", "/api/evaluation/figures?object=230200&period=" + yearCode);
        queries.put("city, a range across months", "/api/evaluation/figures?object=230200&period=" + range);
        queries.put("district 龙沙区, last year", "/api/evaluation/figures?object=230202&period=" + yearCode);
        queries.put("a street, last month", "/api/evaluation/figures?object=" + grid.street() + "&period=" + monthCode);
        queries.put(
                "a grid, a day",
                "/api/evaluation/figures?object=" + grid.code() + "&period=" + month.withDayOfMonth(15));
        queries.put("a department, last year", "/api/evaluation/figures?object=" + unit + "&period=" + yearCode);
        queries.put(
                "a street's centre, last month",
                "/api/evaluation/figures?object=" + grid.centre() + "&period=" + monthCode);
        queries.put(
                "streets of the city ranked, last month",
                "/api/evaluation/rankings?level=STREET&within=230200&period=" + monthCode);
        queries.put(
                "streets of the city ranked, last year",
                "/api/evaluation/rankings?level=STREET&within=230200&period=" + yearCode);
        queries.put(
                "districts ranked by 按期处置率, a quarter",
                "/api/evaluation/rankings?level=DISTRICT&within=230200&period=" + quarterCode + "&by=ON_TIME_HANDLING");
        queries.put(
                "departments ranked, last month",
                "/api/evaluation/rankings?level=DEPARTMENT&within=230200&period=" + monthCode);
        queries.put(
                "dashboard tile of a street", "/api/evaluation/tile?object=" + grid.street() + "&period=" + monthCode);
        queries.put("dashboard tile of the city", "/api/evaluation/tile?object=230200&period=" + monthCode);

        var token = new Tokens(platform.gateway()).of("admin");
        var http = new Http();
        var results = new LinkedHashMap<String, long[]>();
        for (var query : queries.entrySet()) {
            var uri = platform.gateway().resolve(query.getValue());
            var times = new long[reads];
            int bytes = 0;
            for (int i = -3; i < reads; i++) {
                long start = System.nanoTime();
                var answer = http.get(uri, token);
                long took = System.nanoTime() - start;
                if (!answer.ok()) {
                    throw new IllegalStateException(query.getKey() + ": " + answer);
                }
                if (i >= 0) {
                    times[i] = took;
                    bytes = answer.body().length();
                }
            }
            var sorted = Stats.sorted(times);
            var r = new long[] {
                Stats.percentile(sorted, 0.5), Stats.percentile(sorted, 0.95), Stats.percentile(sorted, 0.99), bytes
            };
            results.put(query.getKey(), r);
            Bench.progress(
                    "[evaluation-reads] %s: p50 %s ms, p95 %s ms, p99 %s ms",
                    query.getKey(), Report.ms(r[0]), Report.ms(r[1]), Report.ms(r[2]));
        }
        write(loadSeconds, figures, queries, results);
        Bench.FIGURES.put("evaluation-reads", results);
        assertThat(results).hasSize(queries.size());
    }

    /**
     * Historical cases over the {@link #DAYS} days before the run, spread over every grid of the demo city and its
     * departments: 1 % rejected, 0.5 % merged, 0.2 % still open, the rest handled (20 % late), closed (5 % without an
     * answer), followed up in four of five cases (a tenth by phone), 8 % reworked; each dispatched case with its lead
     * unit's summons (10 % reporting in late). Streamed with {@code COPY}; then the rollups rebuilt and all analysed.
     */
    private void load(Connection connection, List<Grid> grids, List<String> units, Map<String, Object> figures)
            throws Exception {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        var random = new Random(20);
        var end = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
        var start = end.minus(DAYS, ChronoUnit.DAYS);
        long span = end.toEpochMilli() - start.toEpochMilli();
        var caseCopy = copy.copyIn("COPY eval_case (whistle_id, ticket_number, category_code, grid_id, street_id,"
                + " area_id, owning_centre_id, level, state, raised_at, filed_at, file_late, dispatched_at, returned,"
                + " transferred, lead_unit_id, handled_at, handle_due_at, due_source, handled_late, closed_at, outcome,"
                + " closed_on_time, reworked, extended, supervised, self_handled, signed_for, responded_on_time,"
                + " followed_up, answer_resolved, answer_rating, answer_by_phone, answers_ignored, count_date, facts)"
                + " FROM STDIN");
        var unitsFile = Files.createTempFile(Bench.platformDir().toAbsolutePath(), "eval-units", ".copy");
        var rows = new StringBuilder(1 << 20);
        String[] ratings = {"SATISFIED", "SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED"};
        try (var unitsOut = Files.newBufferedWriter(unitsFile, StandardCharsets.UTF_8)) {
            for (long n = 0; n < cases; n++) {
                var raised = Instant.ofEpochMilli(start.toEpochMilli() + span * n / cases + random.nextInt(1000));
                var grid = grids.get(random.nextInt(grids.size()));
                var unit = units.get(random.nextInt(units.size()));
                var whistle = new UUID(random.nextLong(), random.nextLong());
                int roll = random.nextInt(1000);
                var filed = raised.plus(10 + random.nextInt(120), ChronoUnit.MINUTES);
                var dispatched = filed.plus(5 + random.nextInt(60), ChronoUnit.MINUTES);
                var due = dispatched.plus(7, ChronoUnit.DAYS);
                boolean late = random.nextInt(5) == 0;
                var handled = late
                        ? due.plus(1 + random.nextInt(72), ChronoUnit.HOURS)
                        : dispatched.plus(1 + random.nextInt(160), ChronoUnit.HOURS);
                var closed = handled.plus(1 + random.nextInt(48), ChronoUnit.HOURS);
                String state = "CLOSED";
                String outcome = random.nextInt(20) == 0 ? "NO_ANSWER" : "RESOLVED";
                boolean isDispatched = true;
                boolean isHandled = true;
                boolean isClosed = true;
                if (roll < 15) {
                    state = roll < 10 ? "REJECTED" : "MERGED";
                    outcome = state;
                    isDispatched = false;
                    isHandled = false;
                    closed = filed;
                } else if (roll < 17) {
                    state = "DISPATCHED";
                    outcome = null;
                    isHandled = false;
                    isClosed = false;
                }
                boolean followed = isClosed && isHandled && random.nextInt(5) != 0;
                var countDate = (isDispatched ? due : filed).atZone(SHANGHAI).toLocalDate();
                rows.append(whistle).append('\t');
                rows.append("QQHR-H").append(n).append('\t');
                rows.append("ROAD\t")
                        .append(grid.code())
                        .append('\t')
                        .append(grid.street())
                        .append('\t');
                rows.append(grid.code())
                        .append('\t')
                        .append(grid.centre())
                        .append("\tSTREET\t")
                        .append(state);
                rows.append('\t').append(raised).append('\t').append(filed).append('\t');
                rows.append(random.nextInt(50) == 0 ? 't' : 'f').append('\t');
                rows.append(isDispatched ? dispatched.toString() : "\\N").append("\tf\tf\t");
                rows.append(isDispatched ? unit : "\\N").append('\t');
                rows.append(isHandled ? handled.toString() : "\\N").append('\t');
                rows.append(isDispatched ? due.toString() : "\\N").append("\tSLA\t");
                rows.append(isHandled && late ? 't' : 'f').append('\t');
                rows.append(isClosed ? closed.toString() : "\\N").append('\t');
                rows.append(outcome == null ? "\\N" : outcome).append('\t');
                rows.append(isClosed && isHandled && !late ? 't' : 'f').append('\t');
                rows.append(isHandled && random.nextInt(12) == 0 ? 1 : 0).append('\t');
                rows.append(isDispatched && random.nextInt(50) == 0 ? 1 : 0).append("\t0\t");
                rows.append(random.nextInt(40) == 0 ? 't' : 'f').append('\t');
                rows.append(isDispatched ? 't' : 'f').append('\t');
                rows.append(isDispatched && random.nextInt(10) != 0 ? 't' : 'f').append('\t');
                rows.append(followed ? 't' : 'f').append('\t');
                rows.append(followed && random.nextInt(30) != 0 ? 't' : 'f').append('\t');
                rows.append(followed ? ratings[random.nextInt(ratings.length)] : "\\N")
                        .append('\t');
                rows.append(followed && random.nextInt(10) == 0 ? 't' : 'f').append("\t0\t");
                rows.append(countDate).append("\t6\n");
                if (isDispatched) {
                    var reportDue = dispatched.plus(30, ChronoUnit.MINUTES);
                    boolean reportLate = random.nextInt(10) == 0;
                    var reportedIn = reportLate
                            ? reportDue.plus(1 + random.nextInt(120), ChronoUnit.MINUTES)
                            : dispatched.plus(1 + random.nextInt(29), ChronoUnit.MINUTES);
                    unitsOut.append(whistle.toString())
                            .append('\t')
                            .append(unit)
                            .append("\tt\t");
                    unitsOut.append(dispatched.toString())
                            .append('\t')
                            .append(reportDue.toString())
                            .append("\tSLA\t");
                    unitsOut.append(reportedIn.toString())
                            .append('\t')
                            .append(reportLate ? 't' : 'f')
                            .append('\t');
                    unitsOut.append(reportDue.atZone(SHANGHAI).toLocalDate().toString())
                            .append('\n');
                }
                if (rows.length() > (1 << 20) - 4096) {
                    var bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                    caseCopy.writeToCopy(bytes, 0, bytes.length);
                    rows.setLength(0);
                }
                if (n > 0 && n % 1_000_000 == 0) {
                    Bench.progress("[evaluation-reads] %,d cases streamed", n);
                }
            }
            var bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            caseCopy.writeToCopy(bytes, 0, bytes.length);
            caseCopy.endCopy();
        }
        Bench.progress("[evaluation-reads] cases copied; now their summons");
        try (var reader = Files.newBufferedReader(unitsFile, StandardCharsets.UTF_8)) {
            copy.copyIn(
                    "COPY eval_case_unit (whistle_id, unit_id, lead, summoned_at, report_in_due_at, due_source,"
                            + " reported_in_at, report_in_late, count_date) FROM STDIN",
                    reader);
        }
        Files.delete(unitsFile);
        try (var statement = connection.createStatement()) {
            long t = System.nanoTime();
            // loaded past the service: the rollups are recounted from the case rows by the service's own function
            statement.execute("SELECT rebuild_eval_rollups()");
            figures.put("rebuildSeconds", (System.nanoTime() - t) / 1e9);
            for (var table : List.of("eval_case", "eval_case_unit", "eval_rollup", "eval_unit_rollup")) {
                statement.execute("ANALYZE " + table);
            }
            try (var size = statement.executeQuery("SELECT pg_total_relation_size('eval_case'),"
                    + " pg_total_relation_size('eval_rollup') + pg_total_relation_size('eval_unit_rollup'),"
                    + " (SELECT count(*) FROM eval_rollup) + (SELECT count(*) FROM eval_unit_rollup)")) {
                size.next();
                figures.put("caseBytes", size.getLong(1));
                figures.put("rollupBytes", size.getLong(2));
                figures.put("rollupRows", size.getLong(3));
            }
        }
    }

    private static List<Grid> grids(Path nodesCsv) throws IOException {
        var parents = new HashMap<String, String>();
        var kinds = new HashMap<String, String>();
        var lines = Files.readAllLines(nodesCsv, StandardCharsets.UTF_8);
        for (var line : lines.subList(1, lines.size())) {
            var f = line.split(",", -1);
            kinds.put(f[0], f[1]);
            parents.put(f[0], f[4]);
        }
        var grids = new ArrayList<Grid>();
        for (var entry : kinds.entrySet()) {
            if (!entry.getValue().equals("GRID")) {
                continue;
            }
            String street = null;
            for (var code = entry.getKey(); code != null && !code.isEmpty(); code = parents.get(code)) {
                if ("STREET".equals(kinds.get(code))) {
                    street = code;
                }
            }
            if (street != null) {
                grids.add(new Grid(entry.getKey(), street, "QQ-" + street + "-ZHZX"));
            }
        }
        grids.sort(java.util.Comparator.comparing(Grid::code));
        return grids;
    }

    private static List<String> departments(Path unitsCsv) throws IOException {
        return Files.readAllLines(unitsCsv, StandardCharsets.UTF_8).stream()
                .skip(1)
                .map(line -> line.split(",", -1))
                .filter(f -> List.of("DEPARTMENT", "SECTION", "UTILITY", "FIRE_BRIGADE", "PROPERTY_COMPANY")
                        .contains(f[1]))
                .map(f -> f[0])
                .toList();
    }

    private void write(
            double loadSeconds, Map<String, Object> figures, Map<String, String> queries, Map<String, long[]> results)
            throws Exception {
        var lines = new ArrayList<String>();
        lines.add("## Evaluation figures and rankings over %,d historical cases".formatted(cases));
        lines.add("");
        lines.add(Report.provenance());
        lines.add("");
        lines.add(("%,d cases of the demo city over the %d days before the run, spread over its grids and departments"
                        + " (1 %% rejected, 0.5 %% merged, 0.2 %% open, 20 %% handled late, four in five followed up),"
                        + " streamed with `COPY` into evaluation-service's `eval_case` and `eval_case_unit`; the rollups"
                        + " recounted by `rebuild_eval_rollups()` (%.0f s; %,d rows, %s; the cases %s), then `ANALYZE`:"
                        + " %.0f s in all. Each read through the gateway as the administrator, %d times after 3"
                        + " unmeasured, one at a time, the platform otherwise idle. Target (issue 20): p95 ≤ 50 ms.")
                .formatted(
                        cases,
                        DAYS,
                        (double) figures.getOrDefault("rebuildSeconds", 0.0),
                        (long) figures.getOrDefault("rollupRows", 0L),
                        Report.mib((long) figures.getOrDefault("rollupBytes", 0L)),
                        Report.mib((long) figures.getOrDefault("caseBytes", 0L)),
                        loadSeconds,
                        reads));
        lines.add("");
        lines.add("| read | request | p50 (ms) | p95 (ms) | p99 (ms) | answer |");
        lines.add("|---|---|---:|---:|---:|---:|");
        for (var query : queries.entrySet()) {
            var r = results.get(query.getKey());
            lines.add("| %s | `GET %s` | %s | %s | %s | %s |"
                    .formatted(
                            query.getKey(),
                            query.getValue(),
                            Report.ms(r[0]),
                            Report.ms(r[1]),
                            Report.ms(r[2]),
                            r[3] >= 1024 ? Math.round(r[3] / 1024.0) + " KiB" : r[3] + " B"));
        }
        Report.write(Bench.performanceReport(), "Performance", SECTION, String.join("\n", lines));
    }
}
