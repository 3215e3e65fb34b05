package org.whistle.messaging;

import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.events.WhistleId;
import org.whistle.messaging.outbox.Outbox;
import org.whistle.messaging.outbox.OutboxLanes;
import org.whistle.messaging.testapp.MessagingTestApplication;

/**
 * Run as its own process by {@link OutboxTest}: commits a state change's event to the outbox, then dies at once —
 * no shutdown hooks, no relay — as a process killed between commit and publication would.
 */
public final class OutboxWriterThatDies {

    static final String COMMITTED = "committed ";
    static final int HALT_STATUS = 137;

    private OutboxWriterThatDies() {}

    public static void main(String[] args) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args[2]);
        var event = MessagingTestApplication.feedback(WhistleId.of(args[3]), 1, "written just before a crash");
        var outbox = new Outbox(JdbcClient.create(dataSource), new OutboxLanes(8), lane -> {});

        new TransactionTemplate(new DataSourceTransactionManager(dataSource))
                .executeWithoutResult(status -> outbox.append(event));

        System.out.println(COMMITTED + event.id());
        System.out.flush();
        Runtime.getRuntime().halt(HALT_STATUS);
    }
}
