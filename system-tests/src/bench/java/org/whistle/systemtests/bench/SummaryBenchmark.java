package org.whistle.systemtests.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The run's headline figures in one table at the top of {@code docs/performance.md}, from what the benchmarks before
 * it measured in this run (a part that did not run says so). Last in the run.
 */
@Order(99)
class SummaryBenchmark {

    static final String SECTION = "summary";

    @Test
    void summarisesTheRun() throws Exception {
        var f = Bench.FIGURES;
        var lines = new ArrayList<String>();
        lines.add("## This run in one table");
        lines.add("");
        lines.add(Report.provenance());
        lines.add("");
        lines.add("The benchmark JVM ran %s (the Maven build before it is not counted here). Each figure links to its"
                        .formatted(minutes(System.nanoTime() - Bench.RUN_STARTED))
                + " section below, with how it was measured.");
        lines.add("");
        lines.add("| what | figure |");
        lines.add("|---|---|");
        var whistle = f.get("ramp.Whistle") instanceof Ramp.Result r ? r : null;
        var flowable = f.get("ramp.Flowable") instanceof Ramp.Result r ? r : null;
        if (whistle != null) {
            lines.add("| [lifecycle throughput](#lifecycle-throughput-whistle-and-flowable-7-side-by-side) at the knee,"
                    + " Whistle | %s lifecycles/s, %s transitions/s (%d users) |"
                            .formatted(
                                    Report.number(whistle.sustainedLifecycles()),
                                    Report.number(whistle.sustainedTransitions()),
                                    whistle.kneeUsers()));
            // As the services recorded it when the lifecycle bench ran; the generator's poll otherwise.
            var routed = f.get(LifecycleBenchmark.ROUTED_FIGURE) instanceof long[] recorded && recorded.length > 0
                    ? new long[] {Stats.percentile(recorded, 0.5), Stats.percentile(recorded, 0.99)}
                    : new long[] {whistle.half().routedP50(), whistle.half().routedP99()};
            lines.add("| raise → routed at half that load, Whistle | p50 %s ms, p99 %s ms |"
                    .formatted(Report.ms(routed[0]), Report.ms(routed[1])));
        } else {
            lines.add("| lifecycle throughput, Whistle | not measured in this run |");
        }
        if (flowable != null) {
            lines.add(
                    "| the same in Flowable 7 | %s lifecycles/s, %s transitions/s (%d users); raise → routed p50 %s ms,"
                                    .formatted(
                                            Report.number(flowable.sustainedLifecycles()),
                                            Report.number(flowable.sustainedTransitions()),
                                            flowable.kneeUsers(),
                                            Report.ms(flowable.half().routedP50()))
                            + " p99 %s ms |".formatted(Report.ms(flowable.half().routedP99())));
        }
        if (whistle != null && flowable != null) {
            lines.add("| **Whistle ÷ Flowable** (transitions/s at the knee) | **%s** |"
                    .formatted(ratio(whistle.sustainedTransitions(), flowable.sustainedTransitions())));
        }
        if (f.get("pgbench.tps") instanceof Double tps) {
            lines.add("| [pgbench](#the-limits-postgresql-and-kafka-on-their-own) simple-update on the same PostgreSQL"
                    + " | %s TPS |".formatted(Report.number(tps)));
            if (whistle != null) {
                lines.add("| **Whistle transitions/s ÷ pgbench TPS** | **%s** |"
                        .formatted(ratio(whistle.sustainedTransitions(), tps)));
            }
        }
        if (f.get("kafka.recordsPerSecond") instanceof Double kafka) {
            lines.add("| one Kafka producer (acks=all, idempotent, 1 KiB) on the same broker | %s records/s |"
                    .formatted(Report.number(kafka)));
        }
        if (f.get("sla.visibleLateness") instanceof long[] late) {
            lines.add(("| [SLA clocks](#sla-clocks-1000000-live-100000-due-in-the-same-second): %s live, %s due in one"
                            + " second — escalation lateness as consumers see it | p50 %,d ms, p99 %,d ms, max %,d ms |")
                    .formatted(f.get("sla.clocks"), f.get("sla.burst"), late[0], late[1], late[2]));
        }
        if (f.get("dashboards") instanceof Map<?, ?> dashboards) {
            for (var entry : dashboards.entrySet()) {
                var r = (long[]) entry.getValue();
                lines.add("| [dashboards](#dashboards) over %s tickets: %s | p50 %s ms, p95 %s ms |"
                        .formatted(f.get("dashboards.tickets"), entry.getKey(), Report.ms(r[0]), Report.ms(r[1])));
            }
        }
        if (f.get("footprint") instanceof List<?> starts && !starts.isEmpty()) {
            for (var start : starts) {
                var s = (FootprintBenchmark.Start) start;
                lines.add(
                        "| [local stack](#footprint-the-local-stack-as-people-start-it), %s | up in %.1f s; %s RSS (%s"
                                        .formatted(
                                                s.which(),
                                                s.wallSeconds(),
                                                Report.mib(s.totalRss()),
                                                Report.mib(s.totalPss()))
                                + " PSS) in all |");
            }
        }
        for (var test : List.of("faults", "replicas", "fuzz")) {
            if (f.get(test + ".outcomes") instanceof List<?> outcomes) {
                var broken = outcomes.stream()
                        .map(o -> (Invariants.Outcome) o)
                        .filter(o -> !o.held())
                        .map(Invariants.Outcome::name)
                        .collect(Collectors.joining("; "));
                lines.add("| [%s](reliability.md) | %s |"
                        .formatted(
                                switch (test) {
                                    case "faults" -> "kill -9 of each part under load";
                                    case "replicas" -> "two replicas, one stopped under load";
                                    default -> "fuzzing every public endpoint";
                                },
                                broken.isEmpty() ? "every invariant held" : "**broken: " + broken + "**"));
            }
        }
        Report.write(Bench.performanceReport(), "Performance", SECTION, String.join("\n", lines));
    }

    private static String ratio(double a, double b) {
        return b <= 0 ? "—" : String.format(Locale.ROOT, "%.3f", a / b);
    }

    private static String minutes(long nanos) {
        var d = Duration.ofNanos(nanos);
        return "%d min %02d s".formatted(d.toMinutes(), d.toSecondsPart());
    }
}
