package org.whistle.systemtests.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jspecify.annotations.Nullable;
import org.whistle.embedded.FreePorts;
import org.whistle.events.Topics;
import org.whistle.localstack.BenchServiceLaunch;
import org.whistle.localstack.Service;

/**
 * The whole platform composed from its parts for benchmarks and fault tests: PostgreSQL ({@link PostgresProcess}) and
 * the Kafka broker ({@link BrokerProcess}) as processes of their own, every service started exactly as the local
 * stack starts it ({@link BenchServiceLaunch}), on ports fixed for the run, so that any part can be killed with
 * {@code kill -9} and started again on the same data and address. The local stack itself is unchanged.
 */
final class Platform implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path work;
    private final Path servicesDir;
    private final Map<String, String> environment;
    private final int postgresPort = FreePorts.pick();
    private final int kafkaPort = FreePorts.pick();
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    /**
     * Where each service is reached by the others and by the gateway: its own port, or a proxy in front of its
     * replicas once {@link #route} says so.
     */
    private final Map<Service, Integer> routes = new EnumMap<>(Service.class);

    private final List<Instance> instances = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private @Nullable PostgresProcess postgres;
    private @Nullable BrokerProcess broker;
    private @Nullable Duration servicesStartTime;

    /**
     * @param environment added to every service's environment, over the local stack's values (the benchmark's
     *     lifted rate limits)
     */
    Platform(Path work, Path servicesDir, Map<String, String> environment) {
        this.work = work;
        this.servicesDir = servicesDir;
        this.environment = Map.copyOf(environment);
        for (var service : Service.values()) {
            ports.put(service, FreePorts.pick());
        }
        routes.putAll(ports);
        try {
            Files.createDirectories(work.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- infrastructure --------------------------------------------------------------------------------------------

    /** PostgreSQL and Kafka side by side, then every service database and topic. */
    void startInfrastructure() {
        startPostgres();
        startBroker();
        for (var service : Service.values()) {
            service.database().ifPresent(this::ensureDatabase);
        }
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka()))) {
            Topics.ensureCreated(admin, (short) 1);
        }
    }

    void startPostgres() {
        postgres = PostgresProcess.start(work.resolve("postgres"), work, postgresPort);
    }

    void startBroker() {
        broker = BrokerProcess.start(work.resolve("kafka"), work, kafkaPort, "broker");
    }

    PostgresProcess postgres() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return postgres;
    }

    BrokerProcess broker() {
        if (broker == null) {
            throw new IllegalStateException("the broker is not running");
        }
        return broker;
    }

    String kafka() {
        return "127.0.0.1:" + kafkaPort;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    void ensureDatabase(String name) {
        try (var connection = connect("postgres");
                var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (var rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    // --- services --------------------------------------------------------------------------------------------------

    /** One started service process; {@link #restart()} starts the same command again on the same port. */
    final class Instance {

        private final Service service;
        private final int replica;
        private final int port;
        private final ProcessBuilder builder;
        private final Path log;
        private volatile Process process;

        private Instance(Service service, int replica, int port, ProcessBuilder builder, Path log) {
            this.service = service;
            this.replica = replica;
            this.port = port;
            this.builder = builder;
            this.log = log;
            this.process = spawn();
        }

        private Process spawn() {
            try {
                return builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + name(), e);
            }
        }

        Service service() {
            return service;
        }

        String name() {
            return service.module() + (replica == 0 ? "" : "#" + (replica + 1));
        }

        int port() {
            return port;
        }

        URI baseUri() {
            return URI.create("http://127.0.0.1:" + port);
        }

        /** Where probes answer: the service's port, or the gateway's management port, which its launch names. */
        URI managementUri() {
            var management = builder.environment().get("MANAGEMENT_SERVER_PORT");
            return management == null ? baseUri() : URI.create("http://127.0.0.1:" + management);
        }

        Path log() {
            return log;
        }

        Process process() {
            return process;
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /** {@code kill -9}. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        /** SIGTERM and a graceful shutdown, as an orchestrator stops a replica; killed after 20 s. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }

        void restart() {
            if (process.isAlive()) {
                throw new IllegalStateException(name() + " is still running");
            }
            process = spawn();
        }

        /** Whether the readiness probe answers 200 now. */
        boolean ready() {
            try {
                return http.send(
                                        HttpRequest.newBuilder(managementUri().resolve("/actuator/health/readiness"))
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** Polls readiness until it answers 200; fails with the log's tail if the process dies or time runs out. */
        void awaitReady(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!ready()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name() + " exited with " + process.exitValue() + "; last lines of "
                            + log + ":\n" + tail(log, 40));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            name() + " not ready within " + timeout + "; last lines of " + log + ":\n" + tail(log, 40));
                }
                Thread.sleep(100);
            }
        }

        long rss() {
            return process.isAlive() ? Machine.rss(Long.toString(process.pid())) : 0;
        }

        long pss() {
            return process.isAlive() ? Machine.pss(Long.toString(process.pid())) : 0;
        }
    }

    /**
     * Starts every service as the local stack does — org-registry first, so the others copy a complete organisation —
     * and waits until all are ready.
     */
    void startServices() throws InterruptedException {
        long started = System.nanoTime();
        var registry = launch(Service.ORG_REGISTRY, 0, ports.get(Service.ORG_REGISTRY), Map.of());
        registry.awaitReady(READY_TIMEOUT);
        var others = new ArrayList<Instance>();
        for (var service : Service.values()) {
            if (service != Service.ORG_REGISTRY) {
                others.add(launch(service, 0, ports.get(service), Map.of()));
            }
        }
        for (var instance : others) {
            instance.awaitReady(READY_TIMEOUT);
        }
        servicesStartTime = Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Starts one more process of {@code service}: replica {@code replica} (0 is the first) on {@code port}, with
     * {@code extra} over the environment. The gateway of every replica routes by {@link #routes}.
     */
    Instance launch(Service service, int replica, int port, Map<String, String> extra) {
        // Everyone, this service included, is reached where the routes say (a balancer in front of replicas); the
        // process itself listens on its own port. The public address is the gateway's route.
        var servicePorts = new EnumMap<>(routes);
        var env = new LinkedHashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        if (service == Service.SLA && replica > 0) {
            // Kafka Streams' state of each replica in a folder of its own, and where the others reach its API.
            env.put(
                    "WHISTLE_SLA_STATE_DIR",
                    work.resolve("sla-" + (replica + 1)).toString());
        }
        if (service == Service.SLA) {
            env.put("WHISTLE_SLA_APPLICATION_SERVER", "127.0.0.1:" + port);
        }
        env.putAll(extra);
        var log = work.resolve("logs").resolve(service.module() + (replica == 0 ? "" : "-" + (replica + 1)) + ".log");
        var builder = BenchServiceLaunch.processBuilder(
                service,
                Path.of(System.getProperty("java.home"), "bin", "java"),
                work,
                servicesDir,
                servicePorts,
                kafka(),
                databases(),
                USER,
                PASSWORD,
                env,
                log);
        Bench.flightRecording(service.module() + "-" + (replica + 1))
                .ifPresent(option -> builder.command().add(1, option));
        var instance = new Instance(service, replica, port, builder, log);
        instances.add(instance);
        return instance;
    }

    /** From now on, services started later reach {@code service} at {@code port} (a proxy in front of replicas). */
    void route(Service service, int port) {
        routes.put(service, port);
    }

    private Map<String, String> databases() {
        var urls = new LinkedHashMap<String, String>();
        for (var service : Service.values()) {
            service.database().ifPresent(database -> urls.put(database, jdbcUrl(database)));
        }
        return urls;
    }

    Map<Service, Integer> ports() {
        return Map.copyOf(ports);
    }

    Duration servicesStartTime() {
        if (servicesStartTime == null) {
            throw new IllegalStateException("the services have not started");
        }
        return servicesStartTime;
    }

    /** The first (or only) process of {@code service}. */
    Instance instance(Service service) {
        return instances.stream()
                .filter(i -> i.service() == service && i.replica == 0)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(service.module() + " was never started"));
    }

    List<Instance> instances() {
        return List.copyOf(instances);
    }

    URI gateway() {
        return URI.create("http://127.0.0.1:" + routes.get(Service.GATEWAY));
    }

    /** Every service reached at its own process's port again (no balancer). */
    void routeDirectly() {
        routes.putAll(ports);
    }

    boolean servicesRunning() {
        return instances.stream().anyMatch(Instance::isAlive);
    }

    /** Every service process stopped gracefully, as the local stack stops them; the infrastructure stays up. */
    void stopServices() {
        instances.forEach(i -> i.process().destroy());
        for (var instance : instances) {
            try {
                if (!instance.process().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    instance.process().destroyForcibly();
                    instance.process().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                instance.process().destroyForcibly();
            }
        }
        instances.clear();
    }

    /** The services' memory: RSS of each process, and the sum of their PSS (shared pages counted once). */
    Map<String, long[]> serviceMemory() {
        var memory = new LinkedHashMap<String, long[]>();
        for (var instance : instances) {
            memory.put(instance.name(), new long[] {instance.rss(), instance.pss()});
        }
        return memory;
    }

    @Override
    public void close() {
        stopServices();
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    static String tail(Path file, int lines) {
        try {
            var all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
