package org.whistle.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.whistle.localstack.BenchServiceLaunch;
import org.whistle.systemtests.bench.LifecycleTarget.Step;

/**
 * Lifecycle throughput (issue 11): whistles driven raise → file → summon → report in → done → verify → close over
 * HTTP, Whistle through its gateway with the whole platform on this machine, and the same lifecycle in Flowable 7 on
 * the same PostgreSQL ({@link FlowableBenchmark}, measured earlier in the run), by the same generator ({@link Ramp});
 * then the ratios, with the limits {@link LimitsBenchmark} measured on the same PostgreSQL and broker. Not a test: it measures and writes
 * {@code docs/performance.md}; it fails only when the harness could not measure.
 */
@Order(6)
class LifecycleBenchmark {

    static final String SECTION = "lifecycle-bench";

    /** Raise → routed at half load as the services recorded it (sorted nanoseconds), see {@link #routedInDispatch}. */
    static final String ROUTED_FIGURE = "routed.Whistle";

    @Test
    void whistle() throws Exception {
        if (!Bench.enabled("lifecycle")) {
            return;
        }
        var platform = Bench.platform();
        var http = new Http();
        var tokens = new Tokens(platform.gateway());
        var target = new WhistleTarget(http, platform.gateway(), tokens, "NORMAL");
        var result = Ramp.run(target, Ramp.Settings.fromProperties(), () -> CpuUse.start(platform, Map.of()));
        Bench.FIGURES.put("ramp.Whistle", result);
        var recorded = routedInDispatch(platform, result);
        Bench.FIGURES.put(ROUTED_FIGURE, recorded);
        write(result, recorded);
        assertThat(result.sustainedTransitions())
                .as("transitions/s at the knee")
                .isPositive();
    }

    /**
     * Raise → routed as the services recorded it, for the half-load window's whistles: from the whistle's raised time
     * in intake (set in the raise's transaction) to the ticket's first timeline entry in dispatch (set in the
     * transaction that stored the ticket). Both are the services' own clocks on this machine, so the figure holds
     * neither the generator's HTTP round trip nor its poll interval.
     */
    private static long[] routedInDispatch(Platform platform, Ramp.Result result) throws SQLException {
        var ids = result
                .recorder()
                .raised(result.half().fromNanos(), result.half().toNanos())
                .stream()
                .map(r -> UUID.fromString(r.whistleId()))
                .toArray();
        var raisedAt = new HashMap<UUID, Instant>();
        try (var connection = platform.connect("intake");
                var query = connection.prepareStatement(
                        "SELECT whistle_id, raised_at FROM whistle WHERE whistle_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    raisedAt.put(
                            rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant());
                }
            }
        }
        var latencies = new ArrayList<Long>();
        try (var connection = platform.connect("dispatch");
                var query = connection.prepareStatement(
                        "SELECT t.whistle_id, e.at FROM ticket t JOIN ticket_timeline_entry e"
                                + " ON e.ticket_id = t.id AND e.sequence = 1 WHERE t.whistle_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", raisedAt.keySet().toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    var raised = raisedAt.get(rows.getObject(1, UUID.class));
                    latencies.add(Duration.between(raised, rows.getTimestamp(2).toInstant())
                            .toNanos());
                }
            }
        }
        return Stats.sorted(latencies.stream().mapToLong(Long::longValue).toArray());
    }

    private static void write(Ramp.Result whistle, long[] routedInDispatch) throws Exception {
        var flowable = (Ramp.Result) Bench.FIGURES.get("ramp.Flowable");
        var settings = Ramp.Settings.fromProperties();
        var lines = new ArrayList<String>();
        lines.add("## Lifecycle throughput: Whistle and Flowable 7, side by side");
        lines.add("");
        lines.add(Report.provenance());
        lines.add("");
        lines.add(("Whistle: the whole platform on this machine (PostgreSQL and the Kafka broker as processes of their"
                        + " own, the services as the local stack starts them but with the JVM options of the production"
                        + " deployment in `deploy/`, its containers' memory limits given as `-XX:MaxRAM` and the collector"
                        + " the JVM picks in such a container named: %s), driven through the gateway:"
                        + " a resident raises anonymously over WeChat (JSON, no photo) at a point in one of the nine grids"
                        + " of 甘南镇; the street's dispatcher (`%s`, signed in with PKCE) files, summons `%s`, verifies"
                        + " and closes; the section's system (`%s`, client credentials) reports in and reports done"
                        + " with evidence. Intake's per-phone, per-device and per-address limits and the gateway's"
                        + " per-address limit are lifted for the run (`%s`); nothing else is changed. The SLA service"
                        + " runs its clocks at the local stack's 60-fold time.")
                .formatted(
                        BenchServiceLaunch.describeProductionJvmOptions(),
                        WhistleTarget.DISPATCHER,
                        WhistleTarget.LEAD,
                        WhistleTarget.UNIT_SYSTEM,
                        String.join(
                                ", ",
                                Bench.LIFTED_LIMITS.keySet().stream().sorted().toList())));
        lines.add("");
        lines.add(("Flowable 7.2.0: the same lifecycle as a BPMN process (a routing service task, six user tasks, a"
                + " non-interrupting 2-minute boundary timer on report-in), embedded in a JVM with exactly"
                + " dispatch-service's options above, history level `audit`, on the same PostgreSQL (database `flowable`) through HikariCP"
                + " with 10 connections, behind a minimal HTTP layer (the JDK's server, 200 request threads —"
                + " Spring Boot's pool size and Tomcat's thread count, as the services have) with the same paths"
                + " and bodies; no gateway, no tokens, no events, no notifications. Whistle's services are stopped"
                + " while Flowable is measured."));
        lines.add("");
        lines.add(("The generator (`LoadGenerator`, virtual threads, one HTTP/1.1 client in the benchmark's JVM on the"
                        + " same cores): warm-up %s with %d users; then 1, 2, 4 … closed-loop users, each step settled"
                        + " %s and measured %s, until two steps gain < 5 %% or one falls below half the best (the"
                        + " lifecycles a step leaves in flight are given up before the next); the **knee** is the fewest"
                        + " users within 5 %%"
                        + " of the best step, measured again in %d windows (median reported); then lifecycles started"
                        + " at **half** the knee's rate (open loop) for %s. A transition is one answered request (raise,"
                        + " file, summon, report in, done, verify, close: 7 per lifecycle); the generator waits for"
                        + " routing by polling `GET /api/tickets/by-whistle/{id}` (10 ms, growing to 100 ms).")
                .formatted(
                        settings.warmup(),
                        settings.warmupUsers(),
                        settings.settle(),
                        settings.window(),
                        settings.windows(),
                        settings.halfLoad()));
        lines.add("");
        lines.add("| | Whistle | Flowable 7 | Whistle ÷ Flowable |");
        lines.add("|---|---:|---:|---:|");
        lines.add(row("knee (closed-loop users)", whistle.kneeUsers(), flowable == null ? -1 : flowable.kneeUsers()));
        lines.add(rowRate(
                "lifecycles/s at the knee (median)",
                whistle.sustainedLifecycles(),
                flowable == null ? Double.NaN : flowable.sustainedLifecycles()));
        lines.add(rowRate(
                "transitions/s at the knee (median)",
                whistle.sustainedTransitions(),
                flowable == null ? Double.NaN : flowable.sustainedTransitions()));
        lines.add(rowMs(
                "raise → routed p50 at half load (ms)",
                Stats.percentile(routedInDispatch, 0.5),
                flowable == null ? -1 : flowable.half().routedP50()));
        lines.add(rowMs(
                "raise → routed p99 at half load (ms)",
                Stats.percentile(routedInDispatch, 0.99),
                flowable == null ? -1 : flowable.half().routedP99()));
        lines.add(rowMs(
                "transition latency p50 at half load (ms)",
                whistle.half().transitionP50(),
                flowable == null ? -1 : flowable.half().transitionP50()));
        lines.add(rowMs(
                "transition latency p99 at half load (ms)",
                whistle.half().transitionP99(),
                flowable == null ? -1 : flowable.half().transitionP99()));
        lines.add("");
        lines.add(("Raise → routed for Whistle is as the services recorded it: from the whistle's raised time in"
                        + " intake (the raise's transaction) to the ticket's first timeline entry in dispatch (the"
                        + " transaction that stored it), both the services' clocks on this machine — so it holds neither"
                        + " the generator's round trips nor its poll interval; max %s ms (%d whistles). The generator's"
                        + " own poll first finding the ticket (up to one poll interval late) gave p50 %s ms, p99 %s ms."
                        + " For Flowable the process is routed inside the raise's transaction and its figure is the"
                        + " generator's (the raise's answer and one poll). At half"
                        + " load: Whistle %s lifecycles/s offered, %d raised, %d refused requests; Flowable %s.")
                .formatted(
                        Report.ms(routedInDispatch.length == 0 ? -1 : routedInDispatch[routedInDispatch.length - 1]),
                        routedInDispatch.length,
                        Report.ms(whistle.half().routedP50()),
                        Report.ms(whistle.half().routedP99()),
                        Report.number(whistle.half().lifecyclesPerSecond()),
                        whistle.half().raises(),
                        whistle.half().failures(),
                        flowable == null
                                ? "not measured in this run"
                                : "%s lifecycles/s offered, %d raised, %d refused"
                                        .formatted(
                                                Report.number(flowable.half().lifecyclesPerSecond()),
                                                flowable.half().raises(),
                                                flowable.half().failures())));
        lines.add("");
        lines.add("### The ramp");
        lines.add("");
        lines.add("| system | users | lifecycles/s | transitions/s | latency p50 (ms) | p99 (ms) | refused |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|");
        for (var result : flowable == null ? List.of(whistle) : List.of(whistle, flowable)) {
            for (var w : result.ramp()) {
                lines.add(window(result.system(), w));
            }
            for (var w : result.knee()) {
                lines.add(window(result.system() + " (knee)", w));
            }
        }
        lines.add("");
        lines.add("### Where the time goes at the knee");
        lines.add("");
        lines.add("| transition | Whistle p50 (ms) | Whistle p99 (ms) | Flowable p50 (ms) | Flowable p99 (ms) |");
        lines.add("|---|---:|---:|---:|---:|");
        for (var step : Step.values()) {
            var w = Ramp.stepLatency(whistle.recorder(), step, whistle.kneeFromNanos(), whistle.kneeToNanos());
            var f = flowable == null
                    ? new long[] {-1, -1}
                    : Ramp.stepLatency(flowable.recorder(), step, flowable.kneeFromNanos(), flowable.kneeToNanos());
            lines.add("| %s | %s | %s | %s | %s |"
                    .formatted(
                            step.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                            Report.ms(w[0]),
                            Report.ms(w[1]),
                            Report.ms(f[0]),
                            Report.ms(f[1])));
        }
        lines.add("");
        lines.add("CPU at the knee, in cores (CPU seconds per second, of %d):".formatted(Machine.cores()));
        lines.add("");
        for (var result : flowable == null ? List.of(whistle) : List.of(whistle, flowable)) {
            lines.add("- %s: %s"
                    .formatted(
                            result.system(),
                            String.join(
                                    ", ",
                                    result.kneeCpu().entrySet().stream()
                                            .map(e ->
                                                    e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue()))
                                            .toList())));
        }
        lines.add("");
        lines.add("PostgreSQL at the knee — active sessions on average, by database and what they wait for (sampled"
                + " every 100 ms from `pg_stat_activity`; `running` is on the CPU, `IO:WALSync` the commit's fsync,"
                + " `Lock:*` a row or transaction lock):");
        lines.add("");
        for (var result : flowable == null ? List.of(whistle) : List.of(whistle, flowable)) {
            lines.add("- %s: %s"
                    .formatted(
                            result.system(),
                            result.kneeWaits().isEmpty()
                                    ? "no session was active when sampled"
                                    : String.join(
                                            ", ",
                                            result.kneeWaits().entrySet().stream()
                                                    .limit(8)
                                                    .map(e -> e.getKey() + " "
                                                            + String.format(Locale.ROOT, "%.2f", e.getValue()))
                                                    .toList())));
        }
        lines.add("");
        lines.add(limits(whistle));
        Report.write(Bench.performanceReport(), "Performance", SECTION, String.join("\n", lines));
    }

    /** The ratios to the limits measured in the same run on the same PostgreSQL and broker. */
    private static String limits(Ramp.Result whistle) {
        var pgbench = (Double) Bench.FIGURES.get("pgbench.tps");
        var kafka = (Double) Bench.FIGURES.get("kafka.recordsPerSecond");
        var text = new StringBuilder(
                "**Against the limits** (same run, same PostgreSQL and broker; see the limits" + " section): ");
        if (pgbench == null) {
            text.append("pgbench was not measured in this run");
        } else {
            text.append("Whistle's %s transitions/s are **%s** of pgbench's simple-update TPS (%s)"
                    .formatted(
                            Report.number(whistle.sustainedTransitions()),
                            String.format(Locale.ROOT, "%.3f", whistle.sustainedTransitions() / pgbench),
                            Report.number(pgbench)));
        }
        if (kafka != null) {
            text.append("; the broker took %s records/s from one producer (acks=all, idempotent)"
                    .formatted(Report.number(kafka)));
        }
        return text.append('.').toString();
    }

    private static String window(String system, Ramp.Window w) {
        return "| %s | %d | %s | %s | %s | %s | %d |"
                .formatted(
                        system,
                        w.users(),
                        Report.number(w.lifecyclesPerSecond()),
                        Report.number(w.transitionsPerSecond()),
                        Report.ms(w.p50()),
                        Report.ms(w.p99()),
                        w.failures());
    }

    private static String row(String what, int whistle, int flowable) {
        return "| %s | %d | %s | |".formatted(what, whistle, flowable < 0 ? "—" : Integer.toString(flowable));
    }

    private static String rowRate(String what, double whistle, double flowable) {
        return "| %s | %s | %s | %s |"
                .formatted(
                        what,
                        Report.number(whistle),
                        Double.isNaN(flowable) ? "—" : Report.number(flowable),
                        Double.isNaN(flowable) || flowable == 0
                                ? "—"
                                : String.format(Locale.ROOT, "**%.2f**", whistle / flowable));
    }

    private static String rowMs(String what, long whistle, long flowable) {
        return "| %s | %s | %s | %s |"
                .formatted(
                        what,
                        Report.ms(whistle),
                        Report.ms(flowable),
                        whistle < 0 || flowable <= 0
                                ? "—"
                                : String.format(Locale.ROOT, "%.2f", whistle / (double) flowable));
    }
}
