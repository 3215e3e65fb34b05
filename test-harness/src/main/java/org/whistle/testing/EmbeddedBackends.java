package org.whistle.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.whistle.embedded.KraftBroker;
import org.whistle.embedded.PostgresServer;

/** Kafka and PostgreSQL inside this JVM (and a child process), on temporary directories. */
final class EmbeddedBackends {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackends.class);

    private EmbeddedBackends() {}

    static KafkaBackend kafka() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("whistle-test-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for the test Kafka broker", e);
        }
        var broker = KraftBroker.start(dataDir, 0);
        return new KafkaBackend() {
            @Override
            public String bootstrapServers() {
                return broker.bootstrapServers();
            }

            @Override
            public void close() {
                broker.close();
                deleteRecursively(dataDir);
            }
        };
    }

    static PostgresBackend postgres() {
        var server = PostgresServer.start(null, 0);
        return new PostgresBackend() {
            @Override
            public DatabaseCoordinates createDatabase(String name) {
                server.ensureDatabase(name);
                return new DatabaseCoordinates(server.jdbcUrl(name), server.username(), server.password());
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            log.warn("Could not delete the test Kafka directory {}", dir, e);
        }
    }
}
