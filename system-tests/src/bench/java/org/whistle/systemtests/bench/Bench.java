package org.whistle.systemtests.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What the benchmark classes of one run share: the platform (started once, stopped when the run's JVM ends), the
 * figures one class measures and another reports beside its own (ratios), the settings and the reports' paths.
 */
final class Bench {

    static final String COMMAND = "./mvnw -B -pl system-tests -am verify -Pbench -DskipTests";

    /**
     * The limits a load test must lift, and nothing else: intake's per-phone, per-device and per-address limits for
     * anonymous raises (0 turns each off) and the gateway's per-address limit on anonymous posts; every request of
     * the generator comes from one address.
     */
    static final Map<String, String> LIFTED_LIMITS = Map.of(
            "WHISTLE_INTAKE_RATELIMITS_PERPHONE", "0",
            "WHISTLE_INTAKE_RATELIMITS_PERDEVICE", "0",
            "WHISTLE_INTAKE_RATELIMITS_PERADDRESS", "0",
            "WHISTLE_GATEWAY_RATELIMITS_ANONYMOUSLIMITFORPERIOD", "1000000");

    static final Map<String, Object> FIGURES = new ConcurrentHashMap<>();
    static final long RUN_STARTED = System.nanoTime();

    private static @Nullable Platform platform;

    private Bench() {}

    /**
     * With {@code -Dbench.jfr=<folder>}, the JVM option that makes a process the bench starts (a service, the Flowable
     * baseline) record a Flight Recorder profile of its whole life into {@code <folder>/<name>.jfr}, written when it
     * stops. The CPU table says which process spends; a profile says on what. Samples are timestamped, so the profile
     * of a steady step is the part of the recording inside that step.
     */
    static Optional<String> flightRecording(String name) {
        var folder = System.getProperty("bench.jfr", "");
        if (folder.isBlank()) {
            return Optional.empty();
        }
        var file = Path.of(folder).toAbsolutePath().resolve(name + ".jfr");
        return Optional.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file);
    }

    static Path platformDir() {
        return Path.of(System.getProperty("bench.platform-dir", "target/bench-platform"));
    }

    static Path servicesDir() {
        return Path.of(System.getProperty("bench.services-dir", "target/services"));
    }

    static Path performanceReport() {
        return Path.of(System.getProperty("bench.report", "../docs/performance.md"));
    }

    static Path reliabilityReport() {
        return Path.of(System.getProperty("bench.reliability-report", "../docs/reliability.md"));
    }

    static Path demoAccounts() {
        return Path.of(System.getProperty("bench.demo-accounts", "../demo/accounts.json"));
    }

    /** Whether {@code part} is to run: {@code -Dbench.parts=lifecycle,faults} runs only those (default: all). */
    static boolean enabled(String part) {
        var parts = System.getProperty("bench.parts", "all");
        return parts.equals("all")
                || Stream.of(parts.split(",")).map(String::strip).anyMatch(part::equals);
    }

    /**
     * Whether {@code part} was named in {@code -Dbench.parts}: for parts too long for a default run (the 35-minute
     * soak), which {@code all} does not include.
     */
    static boolean named(String part) {
        return Stream.of(System.getProperty("bench.parts", "all").split(","))
                .map(String::strip)
                .anyMatch(part::equals);
    }

    /** Whether this is a smoke run ({@code -Dbench.smoke=true}): tiny counts and seconds, figures not to be quoted. */
    static boolean smoke() {
        return Boolean.getBoolean("bench.smoke");
    }

    static Duration duration(String property, String normal, String smoke) {
        return Duration.parse(
                "PT" + System.getProperty(property, smoke() ? smoke : normal).toUpperCase());
    }

    static int integer(String property, int normal, int smoke) {
        return Integer.getInteger(property, smoke() ? smoke : normal);
    }

    /** The platform with PostgreSQL and Kafka running (services not yet), started on first use. */
    static synchronized Platform infrastructure() {
        if (platform == null) {
            var dir = platformDir().toAbsolutePath();
            clean(dir);
            var environment = new java.util.LinkedHashMap<>(LIFTED_LIMITS);
            environment.putAll(extraServiceEnvironment());
            var started = new Platform(dir, servicesDir().toAbsolutePath(), environment);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "bench-platform-stop"));
            long t = System.nanoTime();
            started.startInfrastructure();
            progress(
                    "PostgreSQL (port %d) and Kafka (%s) up in %.1f s",
                    started.postgres().port(), started.kafka(), (System.nanoTime() - t) / 1e9);
            platform = started;
        }
        return platform;
    }

    /**
     * Variables added to every service's environment for a diagnostic run, from {@code -Dbench.service-env=K=V;K2=V2}
     * (none by default: the platform is measured as it ships). Reports name them.
     */
    static Map<String, String> extraServiceEnvironment() {
        var extra = new java.util.LinkedHashMap<String, String>();
        var configured = System.getProperty("bench.service-env", "");
        for (var pair : configured.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                extra.put(
                        pair.substring(0, equals).strip(),
                        pair.substring(equals + 1).strip());
            }
        }
        return extra;
    }

    /** The platform with every service running and ready. */
    static synchronized Platform platform() throws InterruptedException {
        var running = infrastructure();
        if (!running.servicesRunning()) {
            running.startServices();
            FIGURES.put("servicesStartSeconds", running.servicesStartTime().toMillis() / 1000.0);
            progress(
                    "every service ready in %.1f s; gateway %s",
                    running.servicesStartTime().toMillis() / 1000.0, running.gateway());
        }
        return running;
    }

    /** Stops the services (the infrastructure stays), e.g. before another system is measured on the same box. */
    static synchronized void stopServices() {
        if (platform != null) {
            platform.stopServices();
        }
    }

    /** {@code LocalTime.toString} drops the seconds when they are zero. */
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    static void progress(String format, Object... arguments) {
        System.out.printf("[bench %s] %s%n", LocalTime.now().format(CLOCK), format.formatted(arguments));
        System.out.flush();
    }

    static void clean(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
