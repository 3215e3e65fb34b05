package org.whistle.messaging;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates the outbox and handled-event tables in a PostgreSQL schema of their own, {@value #SCHEMA}, with their own
 * Flyway history: they evolve independently of each service's migrations, never collide with their version numbers,
 * and leave the service's schema to the service's Flyway.
 */
public final class MessagingSchema {

    public static final String SCHEMA = "messaging";

    private MessagingSchema() {}

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/messaging")
                .schemas(SCHEMA)
                .createSchemas(true)
                .load()
                .migrate();
    }
}
