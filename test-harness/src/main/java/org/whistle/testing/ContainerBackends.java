package org.whistle.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Kafka and PostgreSQL in Docker containers started by Testcontainers. */
final class ContainerBackends {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String POSTGRES_IMAGE = "postgres:17-alpine";

    private ContainerBackends() {}

    static KafkaBackend kafka() {
        // The same broker settings as the embedded broker, so a test behaves alike on either.
        var container = new KafkaContainer(KAFKA_IMAGE)
                .withEnv(Map.of(
                        "KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false",
                        "KAFKA_NUM_PARTITIONS", "12",
                        "KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0",
                        "KAFKA_GROUP_COORDINATOR_APPEND_LINGER_MS", "0"));
        container.start();
        return new KafkaBackend() {
            @Override
            public String bootstrapServers() {
                return container.getBootstrapServers();
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }

    static PostgresBackend postgres() {
        var container = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        container.start();
        return new PostgresBackend() {
            @Override
            public DatabaseCoordinates createDatabase(String name) {
                try (var connection = DriverManager.getConnection(
                                container.getJdbcUrl(), container.getUsername(), container.getPassword());
                        var statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE \"" + name + "\"");
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not create database " + name + " in the container", e);
                }
                var url = "jdbc:postgresql://" + container.getHost() + ":"
                        + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + name;
                return new DatabaseCoordinates(url, container.getUsername(), container.getPassword());
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }
}
