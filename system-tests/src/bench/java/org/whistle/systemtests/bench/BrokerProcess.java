package org.whistle.systemtests.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.whistle.embedded.KraftBroker;

/**
 * A real KRaft broker ({@link KraftBroker}) in a JVM of its own, so that the memory the benchmark reports is the SLA
 * service's and not the broker's. The child prints its bootstrap servers once ready and stops when its standard input
 * closes.
 */
final class BrokerProcess implements AutoCloseable {

    private static final String READY = "BROKER-READY ";

    private final Process process;
    private final String bootstrapServers;

    private BrokerProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** The child's entry point: {@code dataDir [port]}. */
    public static void main(String[] args) throws IOException {
        var broker = KraftBroker.start(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 0);
        System.out.println(READY + broker.bootstrapServers());
        System.out.flush();
        while (System.in.read() != -1) {
            // Runs until the parent closes our standard input, or dies.
        }
        broker.close();
    }

    /** Starts the broker in a child JVM on the benchmark's class path, its logs in {@code workDir/broker.log}. */
    static BrokerProcess start(Path dataDir, Path workDir) {
        return start(dataDir, workDir, 0, "broker");
    }

    /**
     * Starts the broker on {@code port} (0: a free one) in a child JVM, its logs in {@code workDir/<name>.log}; a
     * restart on the same data directory and port is the same broker again.
     */
    static BrokerProcess start(Path dataDir, Path workDir, int port, String name) {
        try {
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            // The class path can be longer than one command-line argument may be: pass it in an argument file.
            var argFile = workDir.resolve(name + ".args");
            Files.writeString(argFile, "-cp \"" + classPath + "\"\n", StandardCharsets.UTF_8);
            var command = new java.util.ArrayList<>(List.of(
                    java,
                    "-Xmx1g",
                    "-Duser.timezone=UTC",
                    "-Dbench.work-dir=" + workDir.toAbsolutePath(),
                    "-Dbench.log-name=" + name,
                    // A restart writes on after what the killed broker logged.
                    "-Dbench.log-append=true"));
            var logback = System.getProperty("logback.configurationFile");
            if (logback != null) {
                command.add("-Dlogback.configurationFile=" + logback);
            }
            command.add("@" + argFile.toAbsolutePath());
            command.add(BrokerProcess.class.getName());
            command.add(dataDir.toAbsolutePath().toString());
            command.add(Integer.toString(port));
            var process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(
                            workDir.resolve(name + ".err").toFile()))
                    .start();
            var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(READY)) {
                    drain(out);
                    return new BrokerProcess(
                            process, line.substring(READY.length()).trim());
                }
            }
            throw new IllegalStateException("the broker process ended before it was ready; see "
                    + workDir.resolve(name + ".err") + " and " + workDir.resolve(name + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(BufferedReader out) {
        var drainer = new Thread(
                () -> {
                    try {
                        while (out.readLine() != null) {
                            // The child's console output (warnings only) is not needed; keep its pipe from filling.
                        }
                    } catch (IOException ignored) {
                        // The child ended.
                    }
                },
                "broker-stdout");
        drainer.setDaemon(true);
        drainer.start();
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    long pid() {
        return process.pid();
    }

    /** The broker's port, for a restart on the same address. */
    int port() {
        return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: the broker's JVM ends at once, without a controlled shutdown. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(20, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
