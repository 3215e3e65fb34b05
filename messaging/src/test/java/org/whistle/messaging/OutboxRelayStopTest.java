package org.whistle.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.messaging.outbox.OutboxRelay;

/** A service must stop on time even when its database has stopped answering. */
class OutboxRelayStopTest {

    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private ServerSocket blackHole;

    @AfterEach
    void closeTheBlackHole() throws IOException {
        // The stuck relay thread reads end-of-stream and ends.
        for (var socket : accepted) {
            socket.close();
        }
        blackHole.close();
    }

    @Test
    void stopsPromptlyWhileTheDatabaseAcceptsConnectionsButNeverAnswers() throws Exception {
        blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(this::acceptForever);
        var database = new PGSimpleDataSource();
        database.setUrl("jdbc:postgresql://127.0.0.1:" + blackHole.getLocalPort() + "/nowhere");
        var relay = new OutboxRelay(
                JdbcClient.create(database),
                new TransactionTemplate(new DataSourceTransactionManager(database)),
                new DefaultKafkaProducerFactory<>(Map.of()),
                new OutboxRelay.Settings(Duration.ofMillis(50), 100, Duration.ofDays(7), Duration.ofMillis(200)),
                new SimpleMeterRegistry());
        relay.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !accepted.isEmpty());

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> relay.stop());

        assertThat(relay.isRunning()).isFalse();
    }

    private void acceptForever() {
        try {
            while (!blackHole.isClosed()) {
                accepted.add(blackHole.accept());
            }
        } catch (IOException closed) {
            // The test closed the server socket: accepting ends here.
        }
    }
}
