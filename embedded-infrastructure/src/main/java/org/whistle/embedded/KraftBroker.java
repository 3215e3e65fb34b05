package org.whistle.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one) running inside this JVM.
 *
 * <p>Kafka logs a lot at INFO; quiet it with Logback loggers {@code kafka}, {@code org.apache.kafka} and
 * {@code state.change.logger} at WARN (test-harness ships {@code org/whistle/testing/logback-infrastructure.xml}
 * for that).
 */
public final class KraftBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KraftBroker.class);

    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KraftBroker(KafkaRaftServer server, String bootstrapServers, Path dataDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
    }

    /**
     * Starts a broker on {@code dataDir}, formatting it first only if it holds no broker yet, and returns once the
     * broker accepts clients. A {@code port} of 0 picks a free port.
     */
    public static KraftBroker start(Path dataDir, int port) {
        return start(dataDir, port, null);
    }

    /**
     * Clients authenticate with SCRAM-SHA-512 over TLS and are authorised by ACLs (Kafka's {@code StandardAuthorizer};
     * no ACL means no access), as a production cluster runs. {@code users} (name → password) get SCRAM credentials
     * when the storage is formatted; {@code superUser} is one of them, passes every ACL and is the broker's own
     * identity on its listener. The controller listener stays plaintext on loopback: its only client is this broker.
     *
     * @param keyStore PKCS12 with the broker's key and certificate (valid for {@code 127.0.0.1})
     * @param trustStore PKCS12 with the certificate clients and the broker itself trust
     */
    public record Security(
            Path keyStore, Path trustStore, String storePassword, String superUser, Map<String, String> users) {

        public Security {
            users = Map.copyOf(users);
            if (!users.containsKey(superUser)) {
                throw new IllegalArgumentException("the super user " + superUser + " needs a password in users");
            }
        }

        /** What a client of this broker configures to be {@code user}: SASL_SSL, SCRAM-SHA-512, the trust store. */
        public Map<String, Object> clientProperties(String user, String password) {
            return Map.of(
                    "security.protocol",
                    "SASL_SSL",
                    "sasl.mechanism",
                    "SCRAM-SHA-512",
                    "sasl.jaas.config",
                    jaas(user, password),
                    "ssl.truststore.location",
                    trustStore.toAbsolutePath().toString(),
                    "ssl.truststore.password",
                    storePassword,
                    "ssl.truststore.type",
                    "PKCS12");
        }

        static String jaas(String user, String password) {
            return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                    + "\" password=\"" + password + "\";";
        }
    }

    /** A secured broker (see {@link Security}); {@code security} null starts a plaintext one. */
    public static KraftBroker start(Path dataDir, int port, @Nullable Security security) {
        long started = System.nanoTime();
        createDirectories(dataDir);
        // A port we picked ourselves can be taken by someone else before Kafka binds it; only then is a retry fair.
        int attempts = port == 0 ? PORT_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            int brokerPort = port == 0 ? FreePorts.pick() : port;
            int controllerPort = FreePorts.pick();
            try {
                var broker = startOnce(dataDir, brokerPort, controllerPort, security);
                log.info(
                        "Kafka broker ready at {} on {} in {} ms",
                        broker.bootstrapServers,
                        dataDir,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                return broker;
            } catch (RuntimeException e) {
                if (attempt >= attempts || !causedByBindFailure(e)) {
                    throw e;
                }
                log.warn(
                        "Port {} or {} was taken before the broker could bind it, retrying",
                        brokerPort,
                        controllerPort);
            }
        }
    }

    private static KraftBroker startOnce(
            Path dataDir, int brokerPort, int controllerPort, @Nullable Security security) {
        var properties = properties(dataDir, brokerPort, controllerPort);
        if (security != null) {
            secure(properties, brokerPort, security);
        }
        if (!isFormatted(dataDir)) {
            format(dataDir, properties, security);
        }
        var server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
        var bootstrapServers = HOST + ":" + brokerPort;
        try {
            server.startup();
            awaitClients(
                    bootstrapServers,
                    security == null
                            ? Map.of()
                            : security.clientProperties(
                                    security.superUser(), security.users().get(security.superUser())));
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw new IllegalStateException(
                    "Kafka broker could not start at " + bootstrapServers + " (controller port " + controllerPort
                            + ") on " + dataDir,
                    e);
        }
        return new KraftBroker(server, bootstrapServers, dataDir);
    }

    /** The {@code bootstrap.servers} value clients use to reach this broker. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The directory holding the broker's metadata and logs. */
    public Path dataDir() {
        return dataDir;
    }

    /** Shuts the broker down and waits until it has stopped; the data directory stays. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
            log.info("Kafka broker at {} stopped", bootstrapServers);
        }
    }

    private static Properties properties(Path dataDir, int brokerPort, int controllerPort) {
        var properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry(
                        "listeners",
                        "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("controller.listener.names", "CONTROLLER"),
                // A dynamic quorum (format --standalone) rejects controller.quorum.voters.
                Map.entry("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort),
                Map.entry("log.dirs", dataDir.toAbsolutePath().toString()),
                // Topics come from the event catalogue; a typo in a topic name must fail, not create a topic.
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("num.partitions", "12"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // No other member will join late on one node; waiting for them only slows every consumer start.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Offset commits are written at once instead of batched: ~3x faster synchronous commits locally.
                Map.entry("group.coordinator.append.linger.ms", "0"),
                // The compacted reference topics are tiny; the default 128 MiB cleaner buffer would dwarf them.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024))));
        return properties;
    }

    private static void secure(Properties properties, int brokerPort, Security security) {
        var listener = "SASL_SSL://" + HOST + ":" + brokerPort;
        var controller = properties.getProperty("controller.quorum.bootstrap.servers");
        properties.putAll(Map.ofEntries(
                Map.entry("listeners", listener + ",CONTROLLER://" + controller),
                Map.entry("advertised.listeners", listener),
                Map.entry("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "SASL_SSL"),
                Map.entry("sasl.enabled.mechanisms", "SCRAM-SHA-512"),
                Map.entry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512"),
                Map.entry(
                        "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                        Security.jaas(security.superUser(), security.users().get(security.superUser()))),
                Map.entry(
                        "ssl.keystore.location",
                        security.keyStore().toAbsolutePath().toString()),
                Map.entry("ssl.keystore.password", security.storePassword()),
                Map.entry("ssl.key.password", security.storePassword()),
                Map.entry("ssl.keystore.type", "PKCS12"),
                Map.entry(
                        "ssl.truststore.location",
                        security.trustStore().toAbsolutePath().toString()),
                Map.entry("ssl.truststore.password", security.storePassword()),
                Map.entry("ssl.truststore.type", "PKCS12"),
                Map.entry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
                // ANONYMOUS exists only on the loopback controller listener, whose one client is this broker.
                Map.entry("super.users", "User:" + security.superUser() + ";User:ANONYMOUS"),
                Map.entry("allow.everyone.if.no.acl.found", "false")));
    }

    private static boolean isFormatted(Path dataDir) {
        return Files.exists(dataDir.resolve("meta.properties"));
    }

    private static void format(Path dataDir, Properties properties, @Nullable Security security) {
        var clusterId = Uuid.randomUuid().toString();
        var config = writeTemporary(properties);
        try {
            var output = new ByteArrayOutputStream();
            var arguments = new ArrayList<>(
                    List.of("format", "--cluster-id", clusterId, "--config", config.toString(), "--standalone"));
            if (security != null) {
                // SCRAM credentials live in the cluster metadata; formatting writes the first ones.
                security.users().forEach((user, password) -> {
                    arguments.add("--add-scram");
                    arguments.add("SCRAM-SHA-512=[name=" + user + ",password=" + password + "]");
                });
            }
            int status;
            try (var printer = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                status = StorageTool.execute(arguments.toArray(String[]::new), printer);
            }
            var report = output.toString(StandardCharsets.UTF_8).strip();
            if (status != 0) {
                throw new IllegalStateException("Could not format Kafka storage in " + dataDir + ": " + report);
            }
            log.debug("Formatted {} for cluster {}: {}", dataDir, clusterId, report);
        } finally {
            deleteTemporary(config);
        }
    }

    private static Path writeTemporary(Properties properties) {
        try {
            var file = Files.createTempFile("kraft-format", ".properties");
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, null);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the broker configuration for formatting", e);
        }
    }

    private static void awaitClients(String bootstrapServers, Map<String, Object> security) {
        var timeoutMs = (int) READY_TIMEOUT.toMillis();
        var config = new HashMap<String, Object>(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        try (var admin = Admin.create(config)) {
            var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                    .nodes()
                    .get(timeoutMs, TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                throw new IllegalStateException("Kafka broker at " + bootstrapServers + " reports no nodes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker at " + bootstrapServers, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka broker at " + bootstrapServers + " did not accept clients within " + READY_TIMEOUT, e);
        }
    }

    private static boolean causedByBindFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the Kafka data directory " + dir, e);
        }
    }

    private static void deleteTemporary(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary file {}", file, e);
        }
    }
}
