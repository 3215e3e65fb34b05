package org.whistle.systemtests.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.whistle.embedded.PostgresServer;

/**
 * The platform's PostgreSQL ({@link PostgresServer}: the local stack's binaries and settings, durable) started from a
 * small JVM of its own. PostgreSQL itself runs as its own {@code postgres} processes, which {@link #kill()} ends with
 * {@code kill -9} on the postmaster; a new {@code PostgresProcess} on the same data directory and port is the restart,
 * with crash recovery from the WAL as after a power cut.
 */
final class PostgresProcess implements AutoCloseable {

    private static final String READY = "POSTGRES-READY ";
    private static final Duration CHILDREN_GONE = Duration.ofSeconds(20);

    private final Process launcher;
    private final Path dataDir;
    private final int port;

    private PostgresProcess(Process launcher, Path dataDir, int port) {
        this.launcher = launcher;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** The child's entry point: {@code dataDir port}. */
    public static void main(String[] args) throws IOException {
        var server = PostgresServer.start(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println(READY + server.port());
        System.out.flush();
        while (System.in.read() != -1) {
            // Runs until the parent closes our standard input, or dies.
        }
        server.close();
    }

    /** Starts (or restarts) PostgreSQL on {@code dataDir} and {@code port}; the launcher's output goes to its log. */
    static PostgresProcess start(Path dataDir, Path workDir, int port) {
        try {
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            var argFile = workDir.resolve("postgres.args");
            Files.writeString(argFile, "-cp \"" + classPath + "\"\n", StandardCharsets.UTF_8);
            var command = new ArrayList<>(List.of(
                    java,
                    "-Xmx128m",
                    "-XX:TieredStopAtLevel=1",
                    "-Duser.timezone=UTC",
                    "-Dbench.work-dir=" + workDir.toAbsolutePath(),
                    "-Dbench.log-name=postgres-launcher",
                    "-Dbench.log-append=true"));
            var logback = System.getProperty("logback.configurationFile");
            if (logback != null) {
                command.add("-Dlogback.configurationFile=" + logback);
            }
            command.add("@" + argFile.toAbsolutePath());
            command.add(PostgresProcess.class.getName());
            command.add(dataDir.toAbsolutePath().toString());
            command.add(Integer.toString(port));
            var process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(
                            workDir.resolve("postgres-launcher.err").toFile()))
                    .start();
            var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(READY)) {
                    drain(out);
                    return new PostgresProcess(
                            process,
                            dataDir,
                            Integer.parseInt(line.substring(READY.length()).trim()));
                }
            }
            throw new IllegalStateException("PostgreSQL did not start; see " + workDir.resolve("postgres-launcher.err")
                    + " and " + workDir.resolve("postgres-launcher.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(BufferedReader out) {
        Thread.ofPlatform().daemon().name("postgres-stdout").start(() -> {
            try {
                while (out.readLine() != null) {
                    // Not needed; keeps the pipe from filling.
                }
            } catch (IOException ignored) {
                // The launcher ended.
            }
        });
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** The postmaster's process id, from its lock file. */
    long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid"))
                    .getFirst()
                    .trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no postmaster.pid in " + dataDir, e);
        }
    }

    /** The postmaster and every backend and worker it forked, as they are now. */
    List<ProcessHandle> processes() {
        var postmaster = ProcessHandle.of(postmasterPid());
        var all = new ArrayList<ProcessHandle>();
        postmaster.ifPresent(p -> {
            all.add(p);
            p.descendants().forEach(all::add);
        });
        return all;
    }

    /**
     * {@code kill -9} on the postmaster. Its backends notice their parent is gone and end by themselves (as they do
     * in production); any still there after {@value #CHILDREN_GONE} are killed too, so the restart is not refused
     * for shared memory still in use. Then the launcher JVM is ended.
     *
     * @return how many backends had to be killed after the postmaster
     */
    int kill() throws InterruptedException {
        var postmaster = ProcessHandle.of(postmasterPid()).orElseThrow();
        var children = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        postmaster.onExit().join();
        long deadline = System.nanoTime() + CHILDREN_GONE.toNanos();
        while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        int forced = 0;
        for (var child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
                forced++;
            }
        }
        launcher.destroyForcibly();
        launcher.waitFor();
        return forced;
    }

    boolean isAlive() {
        return ProcessHandle.of(postmasterPid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Resident memory of every PostgreSQL process of this cluster, in bytes (shared buffers counted per process). */
    long rss() {
        return processes().stream()
                .mapToLong(p -> Machine.rss(Long.toString(p.pid())))
                .sum();
    }

    /** A fast, clean shutdown ({@code pg_ctl stop}) by the launcher. */
    @Override
    public void close() {
        try {
            launcher.getOutputStream().close();
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.destroy();
                launcher.waitFor(20, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            launcher.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            launcher.destroy();
        }
    }
}
