package org.whistle.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.whistle.embedded.FreePorts;
import org.whistle.embedded.KraftBroker;
import org.whistle.embedded.PostgresServer;
import org.whistle.events.Topics;

/**
 * Starts the whole platform on one machine: PostgreSQL and a KRaft Kafka broker inside this JVM, the topics and
 * databases, then every service as its own process, and waits until all of them are ready.
 *
 * <p>{@link #main} is the one-command developer entry; {@link #start(Options)} is the same for tests.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    static final String KAFKA_DIR = "kafka";
    static final String POSTGRES_DIR = "postgres";
    static final String LOGS_DIR = "logs";
    static final String DEMO_DIR = "demo";
    static final String SECRETS_DIR = "secrets";
    static final String PUBLIC_URL_VARIABLE = "WHISTLE_PUBLIC_URL";
    static final String SERVICES_DIR = "services";

    private LocalStack() {}

    /**
     * Starts everything and returns once every service reports ready; on failure everything already started is
     * stopped again.
     *
     * @throws LocalStackException saying what did not start, with the log tail of a service that failed
     */
    /**
     * The Open311 API key the stack's intake accepts and its banner prints: the launcher's
     * {@code WHISTLE_OPEN311_API_KEYS}, else the demo's public key.
     */
    public static String open311Key() {
        return ServiceLaunch.open311Key();
    }

    public static RunningStack start(Options options) {
        var stack = new RunningStack(absolute(options.dataDir()));
        boot(stack, options);
        return stack;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(List.of(args), System.getenv());
        } catch (IllegalArgumentException e) {
            log.error("{}{}{}", e.getMessage(), System.lineSeparator(), Options.USAGE);
            System.exit(2);
            return;
        }
        var stack = new RunningStack(absolute(options.dataDir()));
        var stopRequested = new AtomicBoolean();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopRequested.set(true);
                            stack.close();
                        },
                        "whistle-stop"));
        try {
            boot(stack, options);
        } catch (RuntimeException e) {
            if (stopRequested.get()) {
                log.info("Stopped before every service was ready / 启动未完成即已停止");
                return;
            }
            if (e instanceof LocalStackException && e.getCause() == null) {
                // The message already says what failed and shows the service's log; a stack trace adds nothing.
                log.error("Whistle could not start / 启动失败: {}", e.getMessage());
            } else {
                log.error("Whistle could not start / 启动失败", e);
            }
            System.exit(1);
            return;
        }
        System.out.println(Banner.render(stack));
        try {
            stack.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void boot(RunningStack stack, Options options) {
        long started = System.nanoTime();
        try {
            var dataDir = stack.dataDir();
            var servicesDir = options.explicitServicesDir()
                    .map(LocalStack::absolute)
                    .or(LocalStack::servicesBesideLauncher)
                    .orElseThrow(() ->
                            new LocalStackException("Cannot tell where the service jars are; pass --services-dir=DIR"));
            requireServiceJars(servicesDir);
            var ports = servicePorts(options);
            createDirectories(dataDir);
            var demoDir = DemoCity.unpack(dataDir.resolve(DEMO_DIR));
            var secrets = StackSecrets.in(dataDir.resolve(SECRETS_DIR));
            var publicUrl = publicUrl(ports);
            var infrastructure = startInfrastructure(stack, options, dataDir);
            // WeChat's side, offline and on loopback: residents sign in and are sent their progress through it.
            var wechat = DevelopmentWechat.start(0, publicUrl, java.time.Clock.systemUTC());
            stack.wechatStarted(wechat);
            // org-registry first: the others copy its data from the org-* topics once, when they start, and a
            // service that caught up with empty topics would take traffic knowing no categories or grids.
            var readiness = new Readiness();
            startServices(
                    stack,
                    servicesDir,
                    ports,
                    infrastructure,
                    demoDir,
                    secrets,
                    publicUrl,
                    wechat,
                    List.of(Service.ORG_REGISTRY));
            readiness.await(stack.serviceProcesses(), options.readinessTimeout());
            var others = Arrays.stream(Service.values())
                    .filter(service -> service != Service.ORG_REGISTRY)
                    .toList();
            startServices(stack, servicesDir, ports, infrastructure, demoDir, secrets, publicUrl, wechat, others);
            readiness.await(stack.serviceProcesses(), options.readinessTimeout());
            // after every service is ready: evaluation then folds the past while the pages already answer
            DemoHistory.publishOnce(
                    dataDir,
                    demoDir,
                    options.historyMonths(),
                    infrastructure.kafkaBootstrapServers(),
                    java.time.Clock.systemUTC());
            stack.started(Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            try {
                stack.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The {@code services} directory beside the jar or classes directory this launcher runs from. */
    static Optional<Path> servicesBesideLauncher() {
        var codeSource = LocalStack.class.getProtectionDomain().getCodeSource();
        if (codeSource == null) {
            return Optional.empty();
        }
        return launcherLocation(codeSource.getLocation().toString())
                .map(location -> location.resolveSibling(SERVICES_DIR));
    }

    /**
     * The jar or classes directory named by a code-source URL: a plain {@code file:} URL, or Spring Boot's
     * {@code jar:nested:/path/app.jar/!BOOT-INF/classes/!/} for classes inside an executable jar.
     */
    static Optional<Path> launcherLocation(String codeSource) {
        var uri = URI.create(codeSource);
        if ("file".equals(uri.getScheme())) {
            return Optional.of(Path.of(uri));
        }
        if ("jar".equals(uri.getScheme())) {
            var inner = uri.getSchemeSpecificPart();
            if (inner.startsWith("nested:")) {
                var path = inner.substring("nested:".length());
                int separator = path.indexOf("/!");
                return Optional.of(Path.of(separator < 0 ? path : path.substring(0, separator)));
            }
            int separator = inner.indexOf("!/");
            if (separator > 0) {
                return launcherLocation(inner.substring(0, separator));
            }
        }
        return Optional.empty();
    }

    private static void requireServiceJars(Path servicesDir) {
        var missing = new ArrayList<String>();
        for (var service : Service.values()) {
            if (!Files.isRegularFile(ServiceLaunch.jar(servicesDir, service))) {
                missing.add(service.module() + ".jar");
            }
        }
        if (!missing.isEmpty()) {
            throw new LocalStackException("Missing in " + servicesDir + ": " + String.join(", ", missing)
                    + ". Build them first with ./mvnw -B -q -DskipTests package, or pass --services-dir=DIR");
        }
    }

    /**
     * The address people open and sign in at: the gateway on this machine, or {@code WHISTLE_PUBLIC_URL} when the
     * demo is shown on phones that reach this machine by its network address.
     */
    private static String publicUrl(Map<Service, Integer> ports) {
        var configured = System.getenv(PUBLIC_URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return "http://127.0.0.1:" + ports.get(Service.GATEWAY);
    }

    /** Fixed ports must be free before anything starts; a port of 0 becomes a free one. */
    private static Map<Service, Integer> servicePorts(Options options) {
        var busy = new ArrayList<String>();
        if (options.postgresPort() != 0 && !FreePorts.isFree(options.postgresPort())) {
            busy.add(options.postgresPort() + " (PostgreSQL, --postgres-port)");
        }
        if (options.kafkaPort() != 0 && !FreePorts.isFree(options.kafkaPort())) {
            busy.add(options.kafkaPort() + " (Kafka, --kafka-port)");
        }
        var ports = new EnumMap<Service, Integer>(Service.class);
        for (var service : Service.values()) {
            int port = options.port(service);
            if (port == 0) {
                port = FreePorts.pick();
            } else if (!FreePorts.isFree(port)) {
                busy.add(port + " (" + service.module() + ", --" + service.module() + "-port)");
            }
            ports.put(service, port);
        }
        if (!busy.isEmpty()) {
            throw new LocalStackException("Ports already in use: " + String.join(", ", busy)
                    + ". Stop whatever holds them, or choose other ports with the options named.");
        }
        return ports;
    }

    private static void createDirectories(Path dataDir) {
        try {
            for (var dir : List.of(KAFKA_DIR, POSTGRES_DIR, LOGS_DIR)) {
                Files.createDirectories(dataDir.resolve(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the data folder " + dataDir, e);
        }
    }

    /** PostgreSQL and Kafka start side by side; both are registered with the stack as soon as they run. */
    private static Infrastructure startInfrastructure(RunningStack stack, Options options, Path dataDir) {
        PostgresServer postgres;
        KraftBroker broker;
        try (var executor = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("whistle-start-", 0).factory())) {
            var startingPostgres = executor.submit(() -> {
                var server = PostgresServer.start(dataDir.resolve(POSTGRES_DIR), options.postgresPort());
                stack.postgresStarted(server);
                return server;
            });
            var startingBroker = executor.submit(() -> {
                var started = KraftBroker.start(dataDir.resolve(KAFKA_DIR), options.kafkaPort());
                stack.brokerStarted(started);
                return started;
            });
            postgres = await(startingPostgres, "PostgreSQL");
            broker = await(startingBroker, "Kafka");
        }
        var jdbcUrls = new LinkedHashMap<String, String>();
        for (var service : Service.values()) {
            service.database().ifPresent(database -> {
                postgres.ensureDatabase(database);
                jdbcUrls.put(database, postgres.jdbcUrl(database));
            });
        }
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Topics.ensureCreated(admin, (short) 1);
        }
        var infrastructure =
                new Infrastructure(broker.bootstrapServers(), jdbcUrls, postgres.username(), postgres.password());
        stack.infrastructureReady(infrastructure);
        return infrastructure;
    }

    private static <T> T await(Future<T> starting, String what) {
        try {
            return starting.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LocalStackException stoppedWhileStarting) {
                throw stoppedWhileStarting;
            }
            throw new LocalStackException(
                    what + " did not start: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while starting " + what, e);
        }
    }

    private static void startServices(
            RunningStack stack,
            Path servicesDir,
            Map<Service, Integer> ports,
            Infrastructure infrastructure,
            Path demoDir,
            StackSecrets secrets,
            String publicUrl,
            DevelopmentWechat wechat,
            List<Service> services) {
        var java = javaBinary();
        var logsDir = stack.dataDir().resolve(LOGS_DIR);
        for (var service : services) {
            var launch = ServiceLaunch.of(
                            service, java, servicesDir, ports, infrastructure, demoDir, secrets, publicUrl, logsDir)
                    .withDevelopmentWechat(wechat);
            Process process;
            try {
                process = launch.processBuilder(stack.dataDir()).start();
            } catch (IOException e) {
                throw new LocalStackException("Could not start " + service.module() + " with " + java, e);
            }
            stack.serviceStarted(new ServiceProcess(
                    new RunningService(
                            service, launch.port(), launch.managementPort(), process.toHandle(), launch.log()),
                    process));
            log.info(
                    "Starting {} (pid {}) on port {}, log {}",
                    service.module(),
                    process.pid(),
                    launch.port(),
                    launch.log());
        }
    }

    /** The services run on the same Java as the launcher, whatever JAVA_HOME or PATH say. */
    private static Path javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
