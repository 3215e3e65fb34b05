package org.whistle.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    static Path dataDir;

    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start(dataDir, 0);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void createsADatabaseTwiceWithoutError() throws Exception {
        server.ensureDatabase("twice");
        server.ensureDatabase("twice");

        try (var connection = connect("twice")) {
            assertThat(queryString(connection, "SELECT current_database()")).isEqualTo("twice");
        }
    }

    @Test
    void createsTheSameDatabaseFromSeveralThreadsAtOnce() throws Exception {
        var callers = new ArrayList<Callable<Void>>();
        for (int i = 0; i < 6; i++) {
            callers.add(() -> {
                server.ensureDatabase("contended");
                return null;
            });
        }
        try (var executor = Executors.newFixedThreadPool(callers.size())) {
            for (Future<Void> outcome : executor.invokeAll(callers, 60, TimeUnit.SECONDS)) {
                outcome.get();
            }
        }

        try (var connection = connect("contended")) {
            assertThat(queryString(connection, "SELECT current_database()")).isEqualTo("contended");
        }
    }

    @Test
    void rejectsDatabaseNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> server.ensureDatabase("x\"; DROP DATABASE postgres; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsDataAcrossRestartOnAPersistentDirectory() throws Exception {
        server.ensureDatabase("durable");
        try (var connection = connect("durable");
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE whistle (id int PRIMARY KEY, title text)");
            statement.execute("INSERT INTO whistle VALUES (1, 'pothole on Gulou Street')");
        }

        server.close();
        server = PostgresServer.start(dataDir, 0);

        try (var connection = connect("durable")) {
            assertThat(queryString(connection, "SELECT title FROM whistle WHERE id = 1"))
                    .isEqualTo("pothole on Gulou Street");
        }
    }

    @Test
    void writesDurablyOnAPersistentDirectory() throws Exception {
        try (var connection = connect("postgres")) {
            assertThat(queryString(connection, "SHOW fsync")).isEqualTo("on");
            assertThat(queryString(connection, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(queryString(connection, "SHOW max_connections")).isEqualTo("300");
        }
    }

    @Test
    void runsTheMajorVersionProductionRuns() throws Exception {
        try (var connection = connect("postgres")) {
            int versionNumber = Integer.parseInt(queryString(connection, "SHOW server_version_num"));

            assertThat(versionNumber / 10_000).isEqualTo(PostgresServer.MAJOR_VERSION);
        }
        assertThat(Files.readString(dataDir.resolve("PG_VERSION")).strip())
                .isEqualTo(Integer.toString(PostgresServer.MAJOR_VERSION));
    }

    @Test
    void refusesAClusterMadeByAnotherMajorVersionSayingWhatToDo(@TempDir Path olderCluster) throws Exception {
        Files.writeString(olderCluster.resolve("PG_VERSION"), "14\n");

        assertThatThrownBy(() -> PostgresServer.start(olderCluster, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(olderCluster.toString())
                .hasMessageContaining("PostgreSQL 14 cluster")
                .hasMessageContaining("delete or move the whole data folder");
    }

    @Test
    void deletesATemporaryDirectoryOnClose() throws Exception {
        Path directory;
        try (var temporary = PostgresServer.start(null, 0)) {
            directory = temporary.dataDir();
            try (var connection = DriverManager.getConnection(
                    temporary.jdbcUrl("postgres"), temporary.username(), temporary.password())) {
                assertThat(queryString(connection, "SHOW fsync")).isEqualTo("off");
            }
        }

        assertThat(Files.exists(directory)).isFalse();
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), server.username(), server.password());
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
