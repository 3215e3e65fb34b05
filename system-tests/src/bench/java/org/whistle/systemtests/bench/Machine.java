package org.whistle.systemtests.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the benchmark reports about the machine and the memory in use: Linux {@code /proc}, the JVM's own beans. */
final class Machine {

    private Machine() {}

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String cpuModel() {
        return procField(Path.of("/proc/cpuinfo"), "model name").orElse("unknown");
    }

    /** Physical memory in bytes, from {@code /proc/meminfo}; 0 where unknown. */
    static long memory() {
        return procField(Path.of("/proc/meminfo"), "MemTotal")
                .map(Machine::kibibytes)
                .orElse(0L);
    }

    /** Resident set size of a process in bytes ({@code VmRSS}); 0 where unknown. */
    static long rss(String pid) {
        return procField(Path.of("/proc", pid, "status"), "VmRSS")
                .map(Machine::kibibytes)
                .orElse(0L);
    }

    /**
     * Proportional set size of a process in bytes ({@code Pss} in {@code smaps_rollup}): pages shared with other
     * processes (PostgreSQL's shared buffers, the JDK's class data) counted in shares, so the sum over several
     * processes is the memory they take together. 0 where unknown.
     */
    static long pss(String pid) {
        return procField(Path.of("/proc", pid, "smaps_rollup"), "Pss:")
                .map(Machine::kibibytes)
                .orElse(0L);
    }

    /** The load average over the last minute, from {@code /proc/loadavg}; -1 where unknown. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time a process has used so far (user + system), in seconds, from {@code /proc/<pid>/stat} (at the usual
     * 100 ticks a second). 0 where unknown, or once it has ended.
     */
    static double cpuSeconds(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name may hold spaces; the fields after its closing parenthesis are fixed.
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU time of a process's ended and waited-for children (PostgreSQL's ended backends), in seconds. */
    static double childrenCpuSeconds(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Peak resident set size of a process in bytes ({@code VmHWM}); 0 where unknown. */
    static long peakRss(String pid) {
        return procField(Path.of("/proc", pid, "status"), "VmHWM")
                .map(Machine::kibibytes)
                .orElse(0L);
    }

    /** Heap in use after a full collection, in bytes. */
    static long heapUsedAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Bytes a directory takes on disk ({@code du}: allocated blocks, so Kafka's preallocated sparse index files count
     * for what they use); the files' apparent sizes where {@code du} is not at hand.
     */
    static long sizeOnDisk(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try {
            var du = new ProcessBuilder("du", "-sk", directory.toString())
                    .redirectErrorStream(true)
                    .start();
            var output = new String(du.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (du.waitFor() == 0) {
                return Long.parseLong(output.trim().split("\\s+")[0]) * 1024;
            }
        } catch (IOException | NumberFormatException e) {
            // Fall back to the apparent sizes.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException vanished) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.Optional<String> procField(Path file, String name) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(name))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return java.util.Optional.empty();
        }
    }

    private static long kibibytes(String value) {
        return Long.parseLong(value.replace("kB", "").trim()) * 1024;
    }
}
