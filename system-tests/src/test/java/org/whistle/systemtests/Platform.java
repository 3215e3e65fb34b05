package org.whistle.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.whistle.localstack.LocalStack;
import org.whistle.localstack.Options;
import org.whistle.localstack.RunningService;
import org.whistle.localstack.RunningStack;
import org.whistle.localstack.Service;

/**
 * The whole platform as the system tests share it: a local stack (Kafka, PostgreSQL, every service) on free ports
 * in a temporary data folder, the gateway in front of it, and the demo city's accounts signed in through it. Made by
 * {@link SharedLocalStack}; {@link #close()} stops it and checks that every service process is gone.
 */
public final class Platform implements AutoCloseable {

    /** Intake and dispatch copy the demo city from Kafka after they report ready; tests wait this long for it. */
    private static final Duration ORG_COPY_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final RunningStack stack;
    private final Gateway gateway;
    private final DemoAccounts accounts;
    private final DemoLogin login;

    private Platform(Path dataDir, RunningStack stack) {
        this.dataDir = dataDir;
        this.stack = stack;
        // 127.0.0.1, not localhost: the console's redirect URI and the issuer name the loopback address, and the
        // login session's cookie must go back to the host that set it.
        this.gateway = new Gateway(
                URI.create("http://127.0.0.1:" + stack.service(Service.GATEWAY).port()));
        this.accounts = DemoAccounts.load();
        this.login = new DemoLogin(gateway.base(), accounts);
    }

    static Platform start() {
        return start(dataDir -> {});
    }

    /**
     * A platform of its own, its data folder prepared before anything starts: the folder is every service's working
     * directory, so a {@code config/application.properties} written there is read by every service and the gateway
     * (Spring Boot's {@code ./config/}), and only by this platform's.
     */
    public static Platform start(java.util.function.Consumer<Path> prepare) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("whistle-system-tests");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        prepare.accept(dataDir);
        var options = Options.defaults()
                .withDataDir(dataDir)
                .withServicesDir(Path.of(System.getProperty("whistle.services-dir", "target/services")))
                .withFreePorts()
                // a busy shared machine may need longer than the default three minutes to start every service
                .withReadinessTimeout(Duration.parse(
                        System.getProperty("whistle.readiness-timeout", Options.DEFAULT_READINESS_TIMEOUT.toString())));
        var started = System.nanoTime();
        var platform = new Platform(dataDir, LocalStack.start(options));
        try {
            platform.awaitDemoCityEverywhere();
        } catch (RuntimeException | Error e) {
            platform.stack.close();
            throw e;
        }
        System.out.printf(
                "Shared local stack ready in %d s (services ready after %d s), gateway %s, data %s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                platform.stack.startupTime().toSeconds(),
                platform.gateway.base(),
                dataDir);
        return platform;
    }

    public RunningStack stack() {
        return stack;
    }

    public Gateway gateway() {
        return gateway;
    }

    public DemoAccounts accounts() {
        return accounts;
    }

    public DemoLogin login() {
        return login;
    }

    /** A service's own port, behind the gateway (loopback only): for checks that must not go through the gateway. */
    public URI direct(Service service) {
        return stack.service(service).baseUri();
    }

    /** The service's log file. */
    public Path log(Service service) {
        return stack.service(service).log();
    }

    /**
     * Stops every service, Kafka and PostgreSQL, and fails if a service process outlives the stop; the data folder is
     * deleted only after a clean stop, so a failed one leaves the logs to read.
     */
    @Override
    public void close() {
        List<ProcessHandle> processes =
                stack.services().stream().map(RunningService::process).toList();
        stack.close();
        var alive = processes.stream().filter(ProcessHandle::isAlive).toList();
        if (!alive.isEmpty()) {
            throw new IllegalStateException("service processes still running after the stack stopped: "
                    + alive.stream().map(ProcessHandle::pid).toList() + "; logs in " + dataDir.resolve("logs"));
        }
        deleteQuietly(dataDir);
    }

    /**
     * The demo city reaches intake and dispatch over Kafka after they start; until then intake offers no categories.
     * Road damage offered on the public Open311 list means intake has it.
     */
    private void awaitDemoCityEverywhere() {
        await("intake knows the demo city's categories")
                .atMost(ORG_COPY_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> gateway.get("/open311/v2/services.json?jurisdiction_id=qiqihar.gov.cn", null)
                        .body()
                        .contains("MUNICIPAL-ROAD-DAMAGE"));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
