package org.whistle.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.whistle.localstack.Service;

/**
 * Soak (issue 22): steady load at people's pace for a long while, then nobody at all. Per process, RSS and CPU over
 * time; per database, the rows written per lifecycle; per topic, the records per lifecycle; and the CPU the whole
 * platform spends idle afterwards (target: ≤ 3 % of one core, whatever it processed). Run only when named
 * ({@code -Dbench.parts=soak}): 35 minutes is no part of a default run. {@code -Dbench.soak.load=3m
 * -Dbench.soak.idle=1m} (or {@code -Dbench.smoke=true}) for a short try-out.
 */
@Order(10)
class SoakBenchmark {

    static final String SECTION = "soak-bench";

    /** The idle target: the whole platform's CPU, in cores, once nobody uses it. */
    static final double IDLE_TARGET = 0.03;

    /** One sample: when (seconds since the load started), the phase, each process's RSS and CPU since the last. */
    record Sample(double at, String phase, Map<String, Long> rss, Map<String, Double> cores) {}

    @Test
    void steadyLoadThenIdle() throws Exception {
        if (!Bench.named("soak")) {
            return;
        }
        var loadFor = Bench.duration("bench.soak.load", "30m", "60s");
        var idleFor = Bench.duration("bench.soak.idle", "5m", "30s");
        var every = Bench.duration("bench.soak.sample", "1m", "10s");
        var think = Bench.duration("bench.soak.think", "1s", "1s");
        double rate = Double.parseDouble(System.getProperty("bench.soak.rate", Bench.smoke() ? "2" : "10"));

        var platform = Bench.platform();
        var tokens = new Tokens(platform.gateway());
        tokens.of(WhistleTarget.DISPATCHER);
        tokens.of(WhistleTarget.UNIT_SYSTEM);
        var target = new WhistleTarget(new Http(), platform.gateway(), tokens, "NORMAL");
        var recorder = new Recorder();
        var generator = new LoadGenerator(target, recorder, Duration.ofMinutes(3), 0, think);

        var rowsBefore = rows(platform);
        var recordsBefore = records(platform);
        var samples = new ArrayList<Sample>();
        long start = System.nanoTime();
        Bench.progress(
                "[soak] %s lifecycles/s at people's pace (%s between actions) for %s, then %s idle",
                Report.number(rate), think, loadFor, idleFor);
        var load = generator.open(rate);
        sample(platform, "load", start, start + loadFor.toNanos(), every, samples);
        load.stop(Duration.ofMinutes(3));
        int lifecycles = recorder.raised().size();
        Bench.progress("[soak] load stopped: %d lifecycles, %d still in flight", lifecycles, generator.inFlight());

        // What is still settling (deliveries, clocks of abandoned lifecycles) is given a minute before idle is
        // measured.
        var settle = Duration.ofSeconds(Bench.smoke() ? 10 : 60);
        long settled = System.nanoTime() + settle.toNanos();
        sample(platform, "settling", start, settled, every, samples);
        var rowsAfter = rows(platform);
        var recordsAfter = records(platform);

        var idle = CpuUse.startQuietly(platform);
        sample(platform, "idle", start, System.nanoTime() + idleFor.toNanos(), every, samples);
        var idleCores = idle.stop();

        write(
                rate,
                think,
                loadFor,
                idleFor,
                lifecycles,
                samples,
                rowsBefore,
                rowsAfter,
                recordsBefore,
                recordsAfter,
                idleCores);
        assertThat(lifecycles).as("lifecycles raised under the soak's load").isPositive();
    }

    /** Samples RSS and CPU per process every {@code every} until {@code untilNanos}. */
    private static void sample(
            Platform platform, String phase, long start, long untilNanos, Duration every, List<Sample> samples)
            throws InterruptedException {
        while (System.nanoTime() < untilNanos) {
            var cpu = CpuUse.startQuietly(platform);
            long wait = Math.min(every.toNanos(), untilNanos - System.nanoTime());
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            var cores = cpu.stop();
            var sample = new Sample((System.nanoTime() - start) / 1e9, phase, rss(platform), cores);
            samples.add(sample);
            Bench.progress(
                    "[soak] %s %.0f s: machine %s cores, RSS %s",
                    phase,
                    sample.at(),
                    Report.number(cores.getOrDefault("machine (every process)", 0.0)),
                    Report.mib(sample.rss().values().stream()
                            .mapToLong(Long::longValue)
                            .sum()));
        }
    }

    /** RSS per process: every service instance, PostgreSQL (all its processes; shared buffers counted in each), broker. */
    private static Map<String, Long> rss(Platform platform) {
        var rss = new LinkedHashMap<String, Long>();
        for (var instance : platform.instances()) {
            if (instance.isAlive()) {
                rss.put(instance.name(), instance.rss());
            }
        }
        long postgres = 0;
        for (var process : platform.postgres().processes()) {
            postgres += Machine.rss(Long.toString(process.pid()));
        }
        rss.put("PostgreSQL", postgres);
        rss.put("Kafka broker", Machine.rss(Long.toString(platform.broker().pid())));
        return rss;
    }

    /** Rows inserted, updated and deleted so far and rows live now, per service database (PostgreSQL's statistics). */
    private static Map<String, long[]> rows(Platform platform) throws SQLException {
        var rows = new TreeMap<String, long[]>();
        for (var service : Service.values()) {
            if (service.database().isEmpty()) {
                continue;
            }
            var database = service.database().get();
            try (var connection = platform.connect(database);
                    var statement = connection.createStatement()) {
                // Backends flush their statistics at most once a second: read after the settling minute.
                try (var result = statement.executeQuery(
                        "SELECT coalesce(sum(n_tup_ins), 0), coalesce(sum(n_tup_upd), 0), coalesce(sum(n_tup_del), 0),"
                                + " coalesce(sum(n_live_tup), 0) FROM pg_stat_user_tables")) {
                    result.next();
                    rows.put(
                            database,
                            new long[] {result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4)});
                }
            }
        }
        return rows;
    }

    /** Records per topic so far (sum of the partitions' end offsets), internal topics included. */
    private static Map<String, Long> records(Platform platform) throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka()))) {
            var names = admin.listTopics(new ListTopicsOptions().listInternal(true))
                    .names()
                    .get();
            var partitions = new LinkedHashMap<TopicPartition, OffsetSpec>();
            for (var description :
                    admin.describeTopics(names).allTopicNames().get().values()) {
                description
                        .partitions()
                        .forEach(p -> partitions.put(
                                new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
            }
            var records = new TreeMap<String, Long>();
            admin.listOffsets(partitions)
                    .all()
                    .get()
                    .forEach((partition, offset) -> records.merge(partition.topic(), offset.offset(), Long::sum));
            return records;
        }
    }

    private static void write(
            double rate,
            Duration think,
            Duration loadFor,
            Duration idleFor,
            int lifecycles,
            List<Sample> samples,
            Map<String, long[]> rowsBefore,
            Map<String, long[]> rowsAfter,
            Map<String, Long> recordsBefore,
            Map<String, Long> recordsAfter,
            Map<String, Double> idleCores)
            throws Exception {
        var lines = new ArrayList<String>();
        lines.add("## Soak: steady load at people's pace, then idle");
        lines.add("");
        lines.add(Report.provenance());
        lines.add("");
        lines.add(("`-Dbench.parts=soak`: %s lifecycles/s started (open model) for %s, each at people's pace (%s ±50 %%"
                        + " between two actions), as `LoadGenerator` drives the lifecycle benchmark; then a settling"
                        + " minute and %s with nobody using the platform. The services run with the production JVM"
                        + " options (%s). %,d lifecycles were raised.")
                .formatted(
                        Report.number(rate),
                        loadFor,
                        think,
                        idleFor,
                        org.whistle.localstack.BenchServiceLaunch.describeProductionJvmOptions(),
                        lifecycles));
        lines.add("");
        double idleTotal = idleCores.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("machine") && !e.getKey().startsWith("load generator"))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        lines.add("**Idle CPU of the whole platform after the load: %s %% of one core** (target ≤ %s %%: %s)."
                .formatted(
                        String.format(Locale.ROOT, "%.1f", idleTotal * 100),
                        String.format(Locale.ROOT, "%.0f", IDLE_TARGET * 100),
                        idleTotal <= IDLE_TARGET
                                ? "met"
                                : "missed by "
                                        + String.format(Locale.ROOT, "%.1f points", (idleTotal - IDLE_TARGET) * 100)));
        lines.add("");
        lines.add("| idle, per process | % of one core |");
        lines.add("|---|---:|");
        idleCores.forEach((name, cores) ->
                lines.add("| %s | %s |".formatted(name, String.format(Locale.ROOT, "%.2f", cores * 100))));
        lines.add("");

        var processes = samples.isEmpty()
                ? List.<String>of()
                : List.copyOf(samples.getLast().rss().keySet());
        lines.add("### RSS (MiB) and CPU (cores) per process over time");
        lines.add("");
        lines.add("| s | phase | " + String.join(" | ", processes) + " | machine cores |");
        lines.add("|---:|---|" + "---:|".repeat(processes.size() + 1));
        for (var sample : samples) {
            var cells = new ArrayList<String>();
            for (var process : processes) {
                cells.add("%s / %s"
                        .formatted(
                                Math.round(sample.rss().getOrDefault(process, 0L) / 1024.0 / 1024.0),
                                String.format(
                                        Locale.ROOT, "%.2f", sample.cores().getOrDefault(process, 0.0))));
            }
            lines.add("| %.0f | %s | %s | %s |"
                    .formatted(
                            sample.at(),
                            sample.phase(),
                            String.join(" | ", cells),
                            String.format(
                                    Locale.ROOT, "%.2f", sample.cores().getOrDefault("machine (every process)", 0.0))));
        }
        lines.add("");
        lines.add("PostgreSQL's RSS adds up all its processes and counts the shared buffers in each.");
        lines.add("");

        double per = Math.max(1, lifecycles);
        lines.add("### Rows per lifecycle, per database (load and settling)");
        lines.add("");
        lines.add("| database | inserted | updated | deleted | live rows added |");
        lines.add("|---|---:|---:|---:|---:|");
        rowsAfter.forEach((database, after) -> {
            var before = rowsBefore.getOrDefault(database, new long[4]);
            lines.add("| %s | %s | %s | %s | %s |"
                    .formatted(
                            database,
                            Report.number((after[0] - before[0]) / per),
                            Report.number((after[1] - before[1]) / per),
                            Report.number((after[2] - before[2]) / per),
                            Report.number((after[3] - before[3]) / per)));
        });
        lines.add("");
        lines.add("### Topic growth: records per lifecycle (load and settling)");
        lines.add("");
        lines.add("| topic | records | per lifecycle |");
        lines.add("|---|---:|---:|");
        long total = 0;
        for (var topic : recordsAfter.entrySet()) {
            long grown = topic.getValue() - recordsBefore.getOrDefault(topic.getKey(), 0L);
            if (grown > 0) {
                total += grown;
                lines.add("| `%s` | %,d | %s |".formatted(topic.getKey(), grown, Report.number(grown / per)));
            }
        }
        lines.add("| **all** | %,d | %s |".formatted(total, Report.number(total / per)));
        Report.write(Bench.performanceReport(), "Performance", SECTION, String.join("\n", lines));
    }
}
