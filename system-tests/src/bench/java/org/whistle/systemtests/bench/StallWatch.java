package org.whistle.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Watches the requests in flight; when one has waited {@code patience}, it takes thread dumps of the processes that
 * could be holding it — each named process, and the bench JVM itself with its virtual threads — so that a stall shows
 * where every thread stood while it lasted. At most {@code dumps} times per run.
 */
final class StallWatch implements AutoCloseable {

    private final Map<Integer, Long> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Long> processes;
    private final Path directory;
    private final Duration patience;
    private final List<Path> written = new ArrayList<>();
    private final Thread watcher;
    private volatile boolean closed;
    private int dumps;

    /** @param processes the processes to dump by name, e.g. the gateway's pid */
    StallWatch(Map<String, Long> processes, Path directory, Duration patience, int dumps) {
        this.processes = processes;
        this.directory = directory;
        this.patience = patience;
        this.dumps = dumps;
        this.watcher = Thread.ofPlatform().daemon().name("stall-watch").start(this::watch);
    }

    void started(int request) {
        inFlight.put(request, System.nanoTime());
    }

    void ended(int request) {
        inFlight.remove(request);
    }

    /** The dumps taken, for the report. */
    synchronized List<Path> written() {
        return List.copyOf(written);
    }

    private void watch() {
        while (!closed && dumps > 0) {
            long now = System.nanoTime();
            var stalled = inFlight.values().stream().anyMatch(since -> now - since > patience.toNanos());
            if (stalled) {
                dump();
                dumps--;
                // One dump per stall: wait until those requests are no longer the ones in flight.
                sleepQuietly(patience.multipliedBy(2));
            }
            sleepQuietly(Duration.ofMillis(250));
        }
    }

    private void dump() {
        var stamp = Long.toString(System.currentTimeMillis());
        var jcmd = Path.of(ProcessHandle.current().info().command().orElse("java"))
                .resolveSibling("jcmd")
                .toString();
        var targets = new java.util.LinkedHashMap<String, List<String>>();
        processes.forEach((name, pid) -> targets.put(name, List.of(jcmd, Long.toString(pid), "Thread.print", "-l")));
        try {
            Files.createDirectories(directory);
            var own = directory.resolve("stall-" + stamp + "-bench-jvm.json").toAbsolutePath();
            targets.put(
                    "bench-jvm",
                    List.of(
                            jcmd,
                            Long.toString(ProcessHandle.current().pid()),
                            "Thread.dump_to_file",
                            "-format=json",
                            own.toString()));
            for (var target : targets.entrySet()) {
                var file = directory.resolve("stall-" + stamp + "-" + target.getKey() + ".txt");
                var process = new ProcessBuilder(target.getValue())
                        .redirectErrorStream(true)
                        .redirectOutput(file.toFile())
                        .start();
                process.waitFor(30, TimeUnit.SECONDS);
                synchronized (this) {
                    written.add(file);
                }
            }
            synchronized (this) {
                written.add(own);
            }
            Bench.progress(
                    "[fuzz] a request waited over %s: thread dumps in %s (stall-%s-*)", patience, directory, stamp);
        } catch (IOException e) {
            Bench.progress("[fuzz] thread dumps failed: %s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            // A watchdog's own pace, not a synchronisation with what it watches.
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        watcher.interrupt();
    }
}
