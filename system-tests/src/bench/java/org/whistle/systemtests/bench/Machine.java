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
