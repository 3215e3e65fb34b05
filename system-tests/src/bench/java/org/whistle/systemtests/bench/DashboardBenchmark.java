package org.whistle.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Dashboards (issue 11): {@code bench.dashboard.tickets} (10,000,000) historical tickets of the demo city, bulk-loaded
 * into dispatch's own tables with {@code COPY}, then the command centre's overview and the work queues read through
 * the gateway as the console reads them, p50/p95 over repeated reads. Runs last: the rows stay in dispatch's database.
 */
@Order(9)
class DashboardBenchmark {

    static final String SECTION = "dashboard-bench";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final int DAYS = 730;
    private static final String[] OPEN_STATES = {"RAISED", "FILED", "DISPATCHED", "IN_PROGRESS", "RESOLVED", "VERIFIED"
    };

    private final long tickets = Long.getLong("bench.dashboard.tickets", Bench.smoke() ? 200_000 : 10_000_000);
    private final int reads = Bench.integer("bench.dashboard.reads", 20, 8);
    /** Of the historical tickets, the share still open (the backlog the queues show). */
    private final double openShare = 0.002;

    /** A grid of the demo city: its code, ancestry (city first), street and the street's command centre. */
    record Grid(String code, List<String> path, String street, String centre) {}

    @Test
    void overviewAndWorkQueuesWithTenMillionHistoricalTickets() throws Exception {
        if (!Bench.enabled("dashboards")) {
            return;
        }
        var platform = Bench.platform();
        var city = Bench.demoAccounts().toAbsolutePath().getParent().resolve("city");
        var grids = grids(city.resolve("nodes.csv"));
        var units = departments(city.resolve("units.csv"));
        var categories = categories(city.resolve("categories.csv"));
        var figures = new LinkedHashMap<String, Object>();
        long loadStart = System.nanoTime();
        long[] open;
        try (var connection = platform.connect("dispatch")) {
            open = load(connection, grids, units, categories, figures);
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        Bench.progress("[dashboards] %,d tickets and their tasks loaded and analysed in %.0f s", tickets, loadSeconds);

        var tokens = new Tokens(platform.gateway());
        var http = new Http();
        var gateway = platform.gateway();
        var queries = new LinkedHashMap<String, String[]>();
        queries.put(
                "overview of 甘南镇 (street, street dispatcher)",
                new String[] {"/api/tickets/overview?area=230225100", WhistleTarget.DISPATCHER});
        queries.put(
                "overview of 甘南县 (county, county dispatcher)",
                new String[] {"/api/tickets/overview?area=230225", "gn.county.liuyan"});
        queries.put(
                "overview of the city (city dispatcher)",
                new String[] {"/api/tickets/overview?area=230200", "qq.city.zhoujian"});
        var queue = "/api/queues/centres/QQ-230225100-ZHZX?size=20&sort=raisedAt,desc";
        queries.put("甘南镇 centre's queue, newest first, page 1 of 20", new String[] {queue, WhistleTarget.DISPATCHER});
        queries.put("甘南镇 centre's open DISPATCHED tickets, page 1", new String[] {
            "/api/queues/centres/QQ-230225100-ZHZX?state=DISPATCHED&size=20", WhistleTarget.DISPATCHER
        });
        // Pages follow each other by cursor (ADR 0030): page 500 is the link the 499th page hands out.
        queries.put("甘南镇 centre's queue, page 500 of 20", new String[] {
            pageOf(http, gateway, tokens.of(WhistleTarget.DISPATCHER), queue, 500), WhistleTarget.DISPATCHER
        });
        queries.put(
                "roads section's work queue (unit system)",
                new String[] {"/api/queues/units/" + WhistleTarget.LEAD, WhistleTarget.UNIT_SYSTEM});
        var results = new LinkedHashMap<String, long[]>();
        for (var query : queries.entrySet()) {
            var uri = gateway.resolve(query.getValue()[0]);
            var token = tokens.of(query.getValue()[1]);
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
            results.put(
                    query.getKey(), new long[] {Stats.percentile(sorted, 0.5), Stats.percentile(sorted, 0.95), bytes});
            Bench.progress(
                    "[dashboards] %s: p50 %s ms, p95 %s ms",
                    query.getKey(),
                    Report.ms(Stats.percentile(sorted, 0.5)),
                    Report.ms(Stats.percentile(sorted, 0.95)));
        }
        write(loadSeconds, open, figures, queries, results);
        Bench.FIGURES.put("dashboards", results);
        Bench.FIGURES.put("dashboards.tickets", "%,d".formatted(tickets));
        assertThat(results).hasSize(queries.size());
    }

    /**
     * Historical tickets, raised over the two years before today in time order (time-ordered ids, numbers per day,
     * as dispatch makes them), spread over every grid of the demo city; nearly all closed (a few rejected or merged),
     * {@link #openShare} still open with their lead unit's task open. Streamed with {@code COPY} into {@code ticket}
     * and {@code ticket_task}, then analysed.
     *
     * @return the open tickets and open tasks loaded
     */
    private long[] load(
            Connection connection,
            List<Grid> grids,
            List<String> units,
            List<String> categories,
            Map<String, Object> figures)
            throws Exception {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        var random = new Random(11);
        var end = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
        var start = end.minus(DAYS, ChronoUnit.DAYS);
        long span = end.toEpochMilli() - start.toEpochMilli();
        var tickets =
                copy.copyIn("COPY ticket (id, whistle_id, number, category, priority, level, owning_centre, state,"
                        + " revision, resolved_at, closed_at, outcome, reject_reason, grid_id, street_id, area_path, raised_at,"
                        + " updated_at) FROM STDIN");
        var ticketRows = new StringBuilder(1 << 20);
        var taskRows = new StringBuilder(1 << 20);
        var tasksFile = Files.createTempFile(Bench.platformDir().toAbsolutePath(), "tasks", ".copy");
        long openTickets = 0;
        long openTasks = 0;
        var perDay = new HashMap<String, Integer>();
        try (var tasksOut = Files.newBufferedWriter(tasksFile, StandardCharsets.UTF_8)) {
            for (long n = 0; n < this.tickets; n++) {
                var raised =
                        Instant.ofEpochMilli(start.toEpochMilli() + span * n / this.tickets + random.nextInt(1000));
                var grid = grids.get(random.nextInt(grids.size()));
                var day = DAY.format(raised.atZone(SHANGHAI));
                int number = perDay.merge(day, 1, Integer::sum);
                var id = uuid7(raised, random);
                var whistle = uuid7(raised, random);
                var category = categories.get(random.nextInt(categories.size()));
                var unit = units.get(random.nextInt(units.size()));
                var priority = random.nextInt(10) == 0 ? "URGENT" : "NORMAL";
                int roll = random.nextInt(1000);
                String state;
                String outcome = "\\N";
                String reject = "\\N";
                String resolved = "\\N";
                String closed = "\\N";
                String taskState;
                Instant updated;
                if (random.nextDouble() < openShare) {
                    state = OPEN_STATES[random.nextInt(OPEN_STATES.length)];
                    taskState = switch (state) {
                        case "DISPATCHED" -> "SUMMONED";
                        case "IN_PROGRESS" -> random.nextBoolean() ? "REPORTED_IN" : "ON_SITE";
                        case "RESOLVED", "VERIFIED" -> "DONE";
                        default -> null;
                    };
                    updated = raised.plus(random.nextInt(48), ChronoUnit.HOURS);
                    openTickets++;
                } else if (roll < 10) {
                    state = "REJECTED";
                    reject = "不属于受理范围";
                    closed = ts(raised.plus(2, ChronoUnit.HOURS));
                    taskState = null;
                    updated = raised.plus(2, ChronoUnit.HOURS);
                } else if (roll < 15) {
                    state = "MERGED";
                    closed = ts(raised.plus(1, ChronoUnit.HOURS));
                    taskState = null;
                    updated = raised.plus(1, ChronoUnit.HOURS);
                } else {
                    state = "CLOSED";
                    var resolvedAt = raised.plus(2 + random.nextInt(200), ChronoUnit.HOURS);
                    var closedAt = resolvedAt.plus(1 + random.nextInt(72), ChronoUnit.HOURS);
                    resolved = ts(resolvedAt);
                    closed = ts(closedAt);
                    outcome = random.nextInt(20) == 0 ? "NO_ANSWER" : "RESOLVED";
                    taskState = "DONE";
                    updated = closedAt;
                }
                ticketRows
                        .append(id)
                        .append('\t')
                        .append(whistle)
                        .append('\t')
                        .append("QQHR-")
                        .append(day)
                        .append('-')
                        .append(String.format(Locale.ROOT, "%06d", number))
                        .append('\t')
                        .append(category)
                        .append('\t')
                        .append(priority)
                        .append("\tSTREET\t")
                        .append(grid.centre())
                        .append('\t')
                        .append(state)
                        .append('\t')
                        .append(taskState == null ? 3 : 7)
                        .append('\t')
                        .append(resolved)
                        .append('\t')
                        .append(closed)
                        .append('\t')
                        .append(outcome)
                        .append('\t')
                        .append(reject)
                        .append('\t')
                        .append(grid.code())
                        .append('\t')
                        .append(grid.street())
                        .append("\t{")
                        .append(String.join(",", grid.path()))
                        .append("}\t")
                        .append(ts(raised))
                        .append('\t')
                        .append(ts(updated))
                        .append('\n');
                if (taskState != null) {
                    var summoned = ts(raised.plus(1, ChronoUnit.HOURS));
                    boolean reported = !taskState.equals("SUMMONED");
                    tasksOut.append(id.toString())
                            .append('\t')
                            .append(unit)
                            .append("\t1\tt\t")
                            .append(taskState)
                            .append('\t')
                            .append(summoned)
                            .append('\t')
                            .append(reported ? ts(raised.plus(2, ChronoUnit.HOURS)) : "\\N")
                            .append('\t')
                            .append(taskState.equals("DONE") ? resolved.equals("\\N") ? summoned : resolved : "\\N")
                            .append('\n');
                    if (!taskState.equals("DONE")) {
                        openTasks++;
                    }
                }
                if (ticketRows.length() > (1 << 20) - 4096) {
                    var bytes = ticketRows.toString().getBytes(StandardCharsets.UTF_8);
                    tickets.writeToCopy(bytes, 0, bytes.length);
                    ticketRows.setLength(0);
                }
                if (n > 0 && n % 1_000_000 == 0) {
                    Bench.progress("[dashboards] %,d tickets streamed", n);
                }
            }
            var bytes = ticketRows.toString().getBytes(StandardCharsets.UTF_8);
            tickets.writeToCopy(bytes, 0, bytes.length);
            tickets.endCopy();
        }
        Bench.progress("[dashboards] tickets copied; now their tasks");
        try (var reader = Files.newBufferedReader(tasksFile, StandardCharsets.UTF_8)) {
            copy.copyIn(
                    "COPY ticket_task (ticket_id, unit, ordinal, lead, state, summoned_at, reported_in_at, done_at)"
                            + " FROM STDIN",
                    reader);
        }
        Files.delete(tasksFile);
        try (var statement = connection.createStatement()) {
            // Loaded past the service: the overview's counters are recounted from the tickets (dispatch's V4).
            statement.execute("SELECT rebuild_ticket_counts()");
            statement.execute("ANALYZE ticket");
            statement.execute("ANALYZE ticket_task");
            statement.execute("ANALYZE ticket_open_count");
            statement.execute("ANALYZE ticket_open_task_count");
            statement.execute("ANALYZE ticket_day_count");
            try (var size = statement.executeQuery(
                    "SELECT pg_total_relation_size('ticket')," + " pg_total_relation_size('ticket_task')")) {
                size.next();
                figures.put("ticketBytes", size.getLong(1));
                figures.put("taskBytes", size.getLong(2));
            }
        }
        return new long[] {openTickets, openTasks};
    }

    /** The request of page {@code page} (from 1) of a queue, following each page's {@code next} link from the first. */
    private static String pageOf(Http http, java.net.URI gateway, String token, String first, int page) {
        var path = first;
        for (int n = 1; n < page; n++) {
            var answer = http.get(gateway.resolve(path), token);
            if (!answer.ok()) {
                throw new IllegalStateException("page " + n + " of " + first + ": " + answer);
            }
            var next = answer.json().get("next");
            if (next == null || next.isNull()) {
                throw new IllegalStateException(first + " has only " + n + " pages");
            }
            path = next.asString();
        }
        return path;
    }

    private static String ts(Instant instant) {
        return instant.toString();
    }

    /** A UUIDv7 of the instant: ids grow with time, as dispatch's do, so the indexes fill at their right edge. */
    private static UUID uuid7(Instant at, Random random) {
        long millis = at.toEpochMilli();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
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
            var path = new ArrayList<String>();
            String street = null;
            for (var code = entry.getKey(); code != null && !code.isEmpty(); code = parents.get(code)) {
                path.addFirst(code);
                if ("STREET".equals(kinds.get(code))) {
                    street = code;
                }
            }
            if (street != null) {
                grids.add(new Grid(entry.getKey(), path, street, "QQ-" + street + "-ZHZX"));
            }
        }
        grids.sort(java.util.Comparator.comparing(Grid::code));
        return grids;
    }

    private static List<String> departments(Path unitsCsv) throws IOException {
        return Files.readAllLines(unitsCsv, StandardCharsets.UTF_8).stream()
                .skip(1)
                .map(line -> line.split(",", -1))
                .filter(f -> List.of(
                                "DEPARTMENT", "SECTION", "UTILITY", "FIRE_BRIGADE", "PROPERTY_COMPANY", "STREET_OFFICE")
                        .contains(f[1]))
                .map(f -> f[0])
                .toList();
    }

    private static List<String> categories(Path categoriesCsv) throws IOException {
        return Files.readAllLines(categoriesCsv, StandardCharsets.UTF_8).stream()
                .skip(1)
                .map(line -> line.split(",", -1))
                .filter(f -> !f[3].isEmpty())
                .map(f -> f[0])
                .toList();
    }

    private void write(
            double loadSeconds,
            long[] open,
            Map<String, Object> figures,
            Map<String, String[]> queries,
            Map<String, long[]> results)
            throws Exception {
        var lines = new ArrayList<String>();
        lines.add("## Dashboards over %,d historical tickets".formatted(tickets));
        lines.add("");
        lines.add(Report.provenance());
        lines.add("");
        lines.add(
                ("%,d tickets of the demo city raised over the %d days before the run, spread evenly over its 73 grids"
                                + " and their nine streets' command centres (time-ordered ids and per-day numbers, as dispatch"
                                + " makes them): 98.5 %% closed with their lead unit's task done, 1 %% rejected, 0.5 %% merged,"
                                + " and %,d (%.1f %%) still open — %,d of them with an open task — the backlog the queues show."
                                + " Streamed with `COPY` into dispatch's own `ticket` and `ticket_task` tables (every index in"
                                + " place; no timeline entries, which these reads do not touch), the overview's counters rebuilt"
                                + " from them (`rebuild_ticket_counts()`), then `ANALYZE`: %.0f s in all,"
                                + " %s for `ticket` and %s for `ticket_task` with their indexes. Then each read through the"
                                + " gateway with the token of the person who would make it, %d times after 3 unmeasured, one"
                                + " at a time, while the platform is otherwise idle.")
                        .formatted(
                                tickets,
                                DAYS,
                                open[0],
                                100.0 * open[0] / tickets,
                                open[1],
                                loadSeconds,
                                Report.mib((long) figures.getOrDefault("ticketBytes", 0L)),
                                Report.mib((long) figures.getOrDefault("taskBytes", 0L)),
                                reads));
        lines.add("");
        lines.add("| read | request | p50 (ms) | p95 (ms) | answer |");
        lines.add("|---|---|---:|---:|---:|");
        for (var query : queries.entrySet()) {
            var r = results.get(query.getKey());
            lines.add("| %s | `GET %s` | %s | %s | %s |"
                    .formatted(
                            query.getKey(),
                            query.getValue()[0],
                            Report.ms(r[0]),
                            Report.ms(r[1]),
                            r[2] >= 1024 ? Math.round(r[2] / 1024.0) + " KiB" : r[2] + " B"));
        }
        Report.write(Bench.performanceReport(), "Performance", SECTION, String.join("\n", lines));
    }
}
