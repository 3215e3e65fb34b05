package org.whistle.messaging;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The service's database with the messaging tables migrated: what the outbox and idempotent handling write to. */
public record MessagingStore(JdbcClient jdbc, TransactionTemplate transactions) {

    public static MessagingStore migrateAndOpen(DataSource dataSource, PlatformTransactionManager transactionManager) {
        MessagingSchema.migrate(dataSource);
        return new MessagingStore(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager));
    }
}
