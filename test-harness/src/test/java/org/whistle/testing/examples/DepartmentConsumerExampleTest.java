package org.whistle.testing.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.whistle.events.Actor;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TicketId;
import org.whistle.events.TraceIds;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleId;
import org.whistle.testing.TestEvents;
import org.whistle.testing.TestInfrastructure;

/**
 * The Kafka consumer example department systems start from ({@code docs/examples/kafka-consumer}), run as the program
 * it is against the real broker: it reads what the platform publishes, once per event, even when a record arrives
 * twice.
 */
class DepartmentConsumerExampleTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Process consumer;

    @AfterEach
    void stop() throws InterruptedException {
        if (consumer != null) {
            consumer.destroy();
            consumer.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void handlesEachPublishedEventOnceThoughItArrivesTwice() throws Exception {
        var closed = EventEnvelope.wrap(
                new WhistleClosed(
                        WhistleId.newId(),
                        TicketId.newId(),
                        WhistleClosed.Outcome.RESOLVED,
                        null,
                        null,
                        new Actor("dispatcher-example", null, "STREET_DISPATCHER"),
                        Clock.systemUTC().instant()),
                1,
                "test",
                TraceIds.newTraceId(),
                Clock.systemUTC());
        var group = "example-department-" + closed.id();
        consumer = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        example().toString(),
                        TestInfrastructure.get().kafkaBootstrapServers(),
                        group,
                        "whistle-closed")
                .redirectErrorStream(true)
                .start();
        var output = new BufferedReader(new InputStreamReader(consumer.getInputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().start(() -> output.lines().forEach(lines::add));

        TestEvents.publish(closed);
        TestEvents.publish(closed);

        var handled = "handled " + closed.id() + " whistle-closed v1 key=" + closed.key();
        await().atMost(PATIENCE).until(() -> lines.contains(handled) && lines.contains("duplicate " + closed.id()));
        assertThat(lines)
                .filteredOn(line -> line.startsWith("handled " + closed.id()))
                .containsExactly(handled);
    }

    private static Path example() {
        var directory = Path.of("").toAbsolutePath();
        while (!Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        return directory.resolve("docs/examples/kafka-consumer/DepartmentConsumer.java");
    }
}
