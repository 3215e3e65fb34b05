package org.whistle.testing;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.whistle.events.Topics;

/**
 * One real Kafka broker and one real PostgreSQL server per JVM, started on first use and stopped at JVM exit.
 *
 * <p>Which kind is chosen by the system property or environment variable {@value #SELECTION_PROPERTY} (also
 * {@code WHISTLE_TEST_INFRASTRUCTURE}): {@code embedded}, {@code testcontainers} or {@code auto} (the default:
 * Testcontainers when a Docker daemon answers, embedded otherwise).
 */
public final class TestInfrastructure {

    public static final String SELECTION_PROPERTY = "whistle.test.infrastructure";

    private static final String SELECTION_VARIABLE = "WHISTLE_TEST_INFRASTRUCTURE";
    private static final int MAX_HINT_LENGTH = 40;
    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static @Nullable TestInfrastructure shared;

    /** Where the broker and the database server run. */
    public enum Kind {
        /** In this JVM (Kafka) and a child process (PostgreSQL), from Maven Central jars: no Docker needed. */
        EMBEDDED,
        /** In Docker containers started by Testcontainers. */
        TESTCONTAINERS
    }

    private final Kind kind;
    private final Lazy<KafkaBackend> kafka;
    private final Lazy<PostgresBackend> postgres;
    private final AtomicInteger databases = new AtomicInteger();

    private TestInfrastructure(Kind kind) {
        this.kind = kind;
        this.kafka = new Lazy<>("Kafka (" + kind + ")", () -> startKafka(kind));
        this.postgres = new Lazy<>("PostgreSQL (" + kind + ")", () -> startPostgres(kind));
    }

    /** The infrastructure shared by every test in this JVM. */
    public static synchronized TestInfrastructure get() {
        if (shared == null) {
            var infrastructure = create(selectKind());
            // Boot's shutdown hook runs its handlers after closing the cached test contexts, so listeners and pools
            // stop before the broker and the database they talk to.
            SpringApplication.getShutdownHandlers().add(infrastructure::close);
            shared = infrastructure;
        }
        return shared;
    }

    /** A private instance, for tests of this module that must pick the kind; the caller closes it. */
    static TestInfrastructure create(Kind kind) {
        log.info("Tests in this JVM use {} infrastructure", kind);
        return new TestInfrastructure(kind);
    }

    public Kind kind() {
        return kind;
    }

    /** The broker's bootstrap servers; every topic of the platform's catalogue exists on it. */
    public String kafkaBootstrapServers() {
        return kafka.get().bootstrapServers();
    }

    /**
     * Creates a database no other caller has been given.
     *
     * @param hint a readable part of the name, such as the test class; reduced to a lower-case identifier
     */
    public DatabaseCoordinates newDatabase(String hint) {
        return postgres.get().createDatabase(databaseName(hint, databases.incrementAndGet()));
    }

    /** Stops whatever was started; the second backend stops even when the first fails to. */
    void close() {
        try {
            var broker = kafka.ifStarted();
            if (broker != null) {
                broker.close();
            }
        } finally {
            var database = postgres.ifStarted();
            if (database != null) {
                database.close();
            }
        }
    }

    static String databaseName(String hint, int sequence) {
        var base = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (base.length() > MAX_HINT_LENGTH) {
            base = base.substring(0, MAX_HINT_LENGTH);
        }
        if (base.isEmpty()) {
            base = "db";
        } else if (!Character.isLetter(base.charAt(0))) {
            base = "db_" + base;
        }
        // The random part keeps names unique even on a server other JVMs or earlier runs have used.
        return "%s_%d_%06x"
                .formatted(base, sequence, ThreadLocalRandom.current().nextInt(0x1000000));
    }

    static Kind selectKind() {
        var setting = System.getProperty(SELECTION_PROPERTY);
        if (setting == null) {
            setting = System.getenv(SELECTION_VARIABLE);
        }
        if (setting == null) {
            setting = System.getenv(SELECTION_PROPERTY);
        }
        return switch (setting == null ? "auto" : setting.strip().toLowerCase(Locale.ROOT)) {
            case "embedded" -> Kind.EMBEDDED;
            case "testcontainers" -> Kind.TESTCONTAINERS;
            case "auto", "" -> DockerProbe.dockerAvailable() ? Kind.TESTCONTAINERS : Kind.EMBEDDED;
            default ->
                throw new IllegalArgumentException(
                        SELECTION_PROPERTY + " must be embedded, testcontainers or auto, not '" + setting + "'");
        };
    }

    private static KafkaBackend startKafka(Kind kind) {
        long started = System.nanoTime();
        var backend = kind == Kind.EMBEDDED ? EmbeddedBackends.kafka() : ContainerBackends.kafka();
        try (var admin = Admin.create(
                Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, backend.bootstrapServers()))) {
            Topics.ensureCreated(admin, (short) 1);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        log.info(
                "Kafka ({}) at {} with the platform's topics ready in {} ms",
                kind,
                backend.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return backend;
    }

    private static PostgresBackend startPostgres(Kind kind) {
        long started = System.nanoTime();
        var backend = kind == Kind.EMBEDDED ? EmbeddedBackends.postgres() : ContainerBackends.postgres();
        log.info("PostgreSQL ({}) ready in {} ms", kind, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return backend;
    }
}
