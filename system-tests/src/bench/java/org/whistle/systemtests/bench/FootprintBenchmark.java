package org.whistle.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Footprint (issue 11): the local stack started as people start it — {@code java -jar whistle-local-stack-exec.jar}
 * — on a fresh data folder (seeding the demo city) and again on the same folder; the time until its banner says the
 * platform is up, the memory of every process it runs, and the time Ctrl-C (SIGTERM) takes to stop it all.
 */
@Order(2)
class FootprintBenchmark {

    static final String SECTION = "footprint-bench";
    private static final Pattern TOOK = Pattern.compile("took ([0-9.]+) s");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    /** One start: seconds from {@code java -jar} to the banner, the launcher's own count, memory, and the stop. */
    record Start(
            String which, double wallSeconds, double launcherSeconds, Map<String, long[]> memory, double stopSeconds) {

        long totalRss() {
            return memory.values().stream().mapToLong(m -> m[0]).sum();
        }

        long totalPss() {
            return memory.values().stream().mapToLong(m -> m[1]).sum();
        }
    }

    @Test
    void startsTheLocalStackAsPeopleDoAndMeasuresItsTimeAndMemory() throws Exception {
        if (!Bench.enabled("footprint")) {
            return;
        }
        var launcher = Path.of(
                        System.getProperty("bench.launcher", "target/bench-launcher/whistle-local-stack-exec.jar"))
                .toAbsolutePath();
        var dataDir = Path.of(System.getProperty("bench.work-dir", "target/bench"))
                .resolveSibling("bench-footprint")
                .toAbsolutePath();
        Bench.clean(dataDir);
        Files.createDirectories(dataDir);
        var starts = new ArrayList<Start>();
        starts.add(start("first start (seeds the demo city)", launcher, dataDir));
        starts.add(start("second start (same data folder)", launcher, dataDir));
        Bench.FIGURES.put("footprint", starts);
        write(starts);
        assertThat(starts).allSatisfy(s -> assertThat(s.wallSeconds()).isPositive());
    }

    private static Start start(String which, Path launcher, Path dataDir) throws Exception {
        var javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(
                javaBinary,
                "-jar",
                launcher.toString(),
                "--data-dir=" + dataDir,
                "--services-dir=" + Bench.servicesDir().toAbsolutePath(),
                "--kafka-port=0",
                "--postgres-port=0"));
        for (var service : org.whistle.localstack.Service.values()) {
            command.add("--" + service.module() + "-port=0");
        }
        long spawned = System.nanoTime();
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var banner = new CompletableFuture<Double>();
        var log = dataDir.resolveSibling("bench-footprint-launcher.log");
        Thread.ofPlatform().daemon().start(() -> {
            try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    var copy = Files.newBufferedWriter(
                            log,
                            StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND)) {
                String line;
                while ((line = out.readLine()) != null) {
                    copy.write(line);
                    copy.newLine();
                    var took = TOOK.matcher(line);
                    if (took.find()) {
                        banner.complete(Double.parseDouble(took.group(1)));
                    }
                }
                banner.completeExceptionally(
                        new IllegalStateException("the launcher ended before its banner; see " + log));
            } catch (IOException e) {
                banner.completeExceptionally(e);
            }
        });
        double launcherSeconds = banner.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        double wall = (System.nanoTime() - spawned) / 1e9;
        Bench.progress(
                "[footprint] %s: banner after %.1f s (the launcher counts %.1f s)", which, wall, launcherSeconds);
        // Memory once the platform has settled a little after its first requests.
        Thread.sleep(Duration.ofSeconds(5));
        var memory = new LinkedHashMap<String, long[]>();
        var launcherPid = Long.toString(process.pid());
        memory.put(
                "launcher JVM (with the Kafka broker)",
                new long[] {Machine.rss(launcherPid), Machine.pss(launcherPid)});
        process.toHandle().children().forEach(child -> {
            var name = child.info()
                    .arguments()
                    .map(args -> serviceName(List.of(args)))
                    .orElse("pid " + child.pid());
            var pid = Long.toString(child.pid());
            if (!name.equals("postgres")) {
                memory.put(name, new long[] {Machine.rss(pid), Machine.pss(pid)});
            }
        });
        long pgRss = 0;
        long pgPss = 0;
        var postmaster = dataDir.resolve("postgres/postmaster.pid");
        if (Files.exists(postmaster)) {
            var pid = Long.parseLong(Files.readAllLines(postmaster).getFirst().trim());
            var all = new ArrayList<ProcessHandle>();
            ProcessHandle.of(pid).ifPresent(p -> {
                all.add(p);
                p.descendants().forEach(all::add);
            });
            for (var p : all) {
                pgRss += Machine.rss(Long.toString(p.pid()));
                pgPss += Machine.pss(Long.toString(p.pid()));
            }
        }
        memory.put("PostgreSQL (postmaster and backends)", new long[] {pgRss, pgPss});
        long stopping = System.nanoTime();
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            process.waitFor();
        }
        double stop = (System.nanoTime() - stopping) / 1e9;
        var start = new Start(which, wall, launcherSeconds, memory, stop);
        Bench.progress(
                "[footprint] %s: %s RSS in all (%s PSS), stopped in %.1f s",
                which, Report.mib(start.totalRss()), Report.mib(start.totalPss()), stop);
        return start;
    }

    private static String serviceName(List<String> arguments) {
        for (var argument : arguments) {
            if (argument.endsWith(".jar")) {
                var file = Path.of(argument).getFileName().toString();
                return file.substring(0, file.length() - ".jar".length());
            }
            if (argument.contains("postgres")) {
                return "postgres";
            }
        }
        return String.join(" ", arguments);
    }

    private static void write(List<Start> starts) throws Exception {
        var lines = new ArrayList<String>();
        lines.add("## Footprint: the local stack as people start it");
        lines.add("");
        lines.add(Report.provenance());
        lines.add("");
        lines.add(
                ("`java -jar whistle-local-stack-exec.jar --data-dir=… --services-dir=…` with every port picked free, once on"
                        + " a fresh data folder (PostgreSQL initialised, the demo city seeded) and once more on the same"
                        + " folder; the time until the banner says the platform is up (from the spawn; and as the launcher"
                        + " counts it, from its own start), the memory of every process 5 s later, and how long SIGTERM"
                        + " (Ctrl-C) takes to stop it all. One run each. RSS counts shared pages in every process that maps"
                        + " them; PSS shares them out, so the PSS total is what the platform takes together."));
        lines.add("");
        lines.add("| | " + String.join(" | ", starts.stream().map(Start::which).toList()) + " |");
        lines.add("|---|" + "---:|".repeat(starts.size()));
        lines.add(
                row("banner after `java -jar` (s)", starts, s -> String.format(Locale.ROOT, "%.1f", s.wallSeconds())));
        lines.add(row(
                "as the launcher counts it (s)", starts, s -> String.format(Locale.ROOT, "%.1f", s.launcherSeconds())));
        lines.add(row("**total RSS**", starts, s -> "**" + Report.mib(s.totalRss()) + "**"));
        lines.add(row("total PSS", starts, s -> Report.mib(s.totalPss())));
        for (var part : starts.getFirst().memory().keySet()) {
            lines.add(row(part + " RSS / PSS", starts, s -> {
                var m = s.memory().getOrDefault(part, new long[] {0, 0});
                return Report.mib(m[0]) + " / " + Report.mib(m[1]);
            }));
        }
        lines.add(row("stop after SIGTERM (s)", starts, s -> String.format(Locale.ROOT, "%.1f", s.stopSeconds())));
        Report.write(Bench.performanceReport(), "Performance", SECTION, String.join("\n", lines));
    }

    private static String row(String what, List<Start> starts, java.util.function.Function<Start, String> cell) {
        return "| " + what + " | "
                + String.join(" | ", starts.stream().map(cell).toList()) + " |";
    }
}
