package org.whistle.systemtests.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CPU used by each part of the platform over a window, in cores (CPU seconds per second): each service process,
 * PostgreSQL (the postmaster, its backends, and backends that ended meanwhile), the broker, the benchmark's own JVM
 * (the load generator), and whatever else ran on the machine.
 */
final class CpuUse {

    private final Map<String, Double> start;
    private final long startNanos;
    private final double machineStart;
    private final Platform platform;
    private final Map<String, Long> extra;
    private final @Nullable PostgresWaits waits;

    private CpuUse(Platform platform, Map<String, Long> extra, boolean watchWaits) {
        this.platform = platform;
        this.extra = extra;
        this.waits = watchWaits ? new PostgresWaits(platform) : null;
        this.start = snapshot();
        this.startNanos = System.nanoTime();
        this.machineStart = machineBusySeconds();
    }

    /** Starts measuring; {@code extra} names further processes (e.g. the Flowable server) by pid. */
    static CpuUse start(Platform platform, Map<String, Long> extra) {
        return new CpuUse(platform, extra, true);
    }

    /**
     * Starts measuring without sampling PostgreSQL's wait events, whose queries would themselves be most of what an
     * idle platform spends (the soak's idle phase).
     */
    static CpuUse startQuietly(Platform platform) {
        return new CpuUse(platform, Map.of(), false);
    }

    private Map<String, Double> snapshot() {
        var cpu = new LinkedHashMap<String, Double>();
        for (var instance : platform.instances()) {
            if (instance.isAlive()) {
                cpu.put(instance.name(), Machine.cpuSeconds(instance.process().pid()));
            }
        }
        try {
            var postmaster = platform.postgres().postmasterPid();
            double postgres = Machine.cpuSeconds(postmaster) + Machine.childrenCpuSeconds(postmaster);
            for (var child : platform.postgres().processes()) {
                if (child.pid() != postmaster) {
                    postgres += Machine.cpuSeconds(child.pid());
                }
            }
            cpu.put("PostgreSQL", postgres);
        } catch (RuntimeException e) {
            // PostgreSQL is down.
        }
        try {
            cpu.put("Kafka broker", Machine.cpuSeconds(platform.broker().pid()));
        } catch (RuntimeException e) {
            // The broker is down.
        }
        extra.forEach((name, pid) -> cpu.put(name, Machine.cpuSeconds(pid)));
        cpu.put(
                "load generator (bench JVM)",
                Machine.cpuSeconds(ProcessHandle.current().pid()));
        return cpu;
    }

    /** Cores used per part since the start, in the order measured, plus "machine" (all CPUs busy, every process). */
    Map<String, Double> stop() {
        try {
            if (waits != null) {
                waits.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var end = snapshot();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        var used = new LinkedHashMap<String, Double>();
        end.forEach((name, cpu) -> {
            if (start.containsKey(name)) {
                used.put(name, Math.max(0, cpu - start.get(name)) / seconds);
            }
        });
        used.put("machine (every process)", (machineBusySeconds() - machineStart) / seconds);
        return used;
    }

    /** PostgreSQL's active backends over the window, by database and wait event (see {@link PostgresWaits}). */
    Map<String, Double> postgresWaits() {
        return waits == null ? Map.of() : waits.averages();
    }

    /** Busy CPU seconds of the whole machine so far (all CPUs, from {@code /proc/stat}). */
    private static double machineBusySeconds() {
        try {
            var line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
                    .getFirst();
            var f = line.trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }
}
