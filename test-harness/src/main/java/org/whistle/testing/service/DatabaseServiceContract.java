package org.whistle.testing.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The contract of a service that owns a database: on top of {@link ServiceContract}, readiness depends on the
 * database, its own migrations ran, and the messaging tables (outbox, handled events) are in place.
 */
public abstract class DatabaseServiceContract extends ServiceContract {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void isReadyOnlyWithItsDatabase() throws Exception {
        assertThat(health("/actuator/health/readiness")
                        .at("/components/db/status")
                        .asString())
                .isEqualTo("UP");
    }

    @Test
    void migratesItsDatabaseAtStartup() {
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE NOT success")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT to_regclass('messaging.outbox_event') IS NOT NULL")
                        .query(Boolean.class)
                        .single())
                .as("the outbox table")
                .isTrue();
        assertThat(jdbc.sql("SELECT to_regclass('messaging.handled_event') IS NOT NULL")
                        .query(Boolean.class)
                        .single())
                .as("the handled-event table")
                .isTrue();
    }
}
