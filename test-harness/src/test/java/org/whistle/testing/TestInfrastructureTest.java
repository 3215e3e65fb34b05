package org.whistle.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.whistle.events.TopicDefinition;
import org.whistle.events.Topics;

class TestInfrastructureTest {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();

    @AfterEach
    void forgetSelection() {
        System.clearProperty(TestInfrastructure.SELECTION_PROPERTY);
    }

    @Test
    void givesEachNewDatabaseItsOwnIsolatedContents() throws Exception {
        var first = infrastructure.newDatabase("isolation");
        var second = infrastructure.newDatabase("isolation");

        assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
        try (var connection = first.dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE whistle (id int PRIMARY KEY)");
            statement.execute("INSERT INTO whistle VALUES (1)");
        }
        try (var connection = second.dataSource().getConnection()) {
            assertThat(queryString(connection, "SELECT to_regclass('whistle')::text"))
                    .isNull();
            var name = queryString(connection, "SELECT current_database()");
            assertThat(second.jdbcUrl()).endsWith("/" + name);
            assertThat(first.jdbcUrl()).doesNotEndWith("/" + name);
        }
        try (var connection = first.dataSource().getConnection()) {
            assertThat(queryString(connection, "SELECT count(*) FROM whistle")).isEqualTo("1");
        }
    }

    @Test
    void createsEveryTopicOfTheCatalogueIncludingDeadLetterTopics() throws Exception {
        try (var admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()))) {
            var topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);

            assertThat(topics)
                    .contains("whistle-raised", "whistle-raised.DLT")
                    .containsAll(
                            Topics.all().stream().map(TopicDefinition::name).toList());
        }
    }

    @Test
    void derivesLowerCaseIdentifiersFromHints() {
        assertThat(TestInfrastructure.databaseName("DispatchService$Test", 7))
                .matches("dispatchservice_test_7_[0-9a-f]{6}");
        assertThat(TestInfrastructure.databaseName("42 things", 1)).matches("db_42_things_1_[0-9a-f]{6}");
        assertThat(TestInfrastructure.databaseName("", 1)).matches("db_1_[0-9a-f]{6}");
        assertThat(TestInfrastructure.databaseName("x".repeat(200), Integer.MAX_VALUE))
                .hasSizeLessThanOrEqualTo(63)
                .matches("[a-z_][a-z0-9_]*");
    }

    @Test
    void followsTheSelectionProperty() {
        System.setProperty(TestInfrastructure.SELECTION_PROPERTY, "Embedded");
        assertThat(TestInfrastructure.selectKind()).isEqualTo(TestInfrastructure.Kind.EMBEDDED);

        System.setProperty(TestInfrastructure.SELECTION_PROPERTY, "testcontainers");
        assertThat(TestInfrastructure.selectKind()).isEqualTo(TestInfrastructure.Kind.TESTCONTAINERS);

        System.setProperty(TestInfrastructure.SELECTION_PROPERTY, "docker-please");
        assertThatThrownBy(TestInfrastructure::selectKind)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("docker-please");

        System.setProperty(TestInfrastructure.SELECTION_PROPERTY, "auto");
        assertThat(TestInfrastructure.selectKind())
                .isEqualTo(
                        DockerProbe.dockerAvailable()
                                ? TestInfrastructure.Kind.TESTCONTAINERS
                                : TestInfrastructure.Kind.EMBEDDED);
    }

    @Test
    void isSharedByTheWholeJvm() {
        assertThat(TestInfrastructure.get()).isSameAs(infrastructure);
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
