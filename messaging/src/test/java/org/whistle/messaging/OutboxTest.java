package org.whistle.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.events.EventCodec;
import org.whistle.events.Topics;
import org.whistle.events.WhistleId;
import org.whistle.messaging.outbox.Outbox;
import org.whistle.messaging.outbox.OutboxMetrics;
import org.whistle.messaging.outbox.OutboxRelay;
import org.whistle.messaging.testapp.MessagingTestApplication;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.TopicReader;

/**
 * The outbox against real PostgreSQL and Kafka. The context's own relay is off: each test starts the relays it needs,
 * which is how a restart after a crash, or several replicas, look to the database.
 */
@RealInfrastructure
@SpringBootTest(classes = MessagingTestApplication.class, properties = "whistle.messaging.outbox.relay-enabled=false")
class OutboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    Outbox outbox;

    @Autowired
    MessagingStore store;

    @Autowired
    ProducerFactory<?, ?> producers;

    @Value("${spring.datasource.url}")
    String jdbcUrl;

    @Value("${spring.datasource.username}")
    String username;

    @Value("${spring.datasource.password}")
    String password;

    @Test
    void publishesAnEventCommittedByAProcessThatDiedBeforePublishingIt() throws Exception {
        var whistle = WhistleId.newId();
        var child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OutboxWriterThatDies.class.getName(),
                        jdbcUrl,
                        username,
                        password,
                        whistle.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as(output).isEqualTo(OutboxWriterThatDies.HALT_STATUS);
        var eventId = UUID.fromString(output.lines()
                .filter(line -> line.startsWith(OutboxWriterThatDies.COMMITTED))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the child did not commit:\n" + output))
                .substring(OutboxWriterThatDies.COMMITTED.length()));
        assertThat(pendingIds()).contains(eventId);

        var restarted = relay();
        restarted.start();
        try {
            var records = TopicReader.readUntil(
                    Topics.WHISTLE_FEEDBACK, read -> eventIds(read, whistle).contains(eventId), PATIENCE);
            awaitPublished(eventId);

            assertThat(eventIds(records, whistle)).containsExactly(eventId);
        } finally {
            restarted.stop();
        }
    }

    @Test
    void twoRelaysPublishEveryEventOnceAndEachWhistleInCommitOrder() throws Exception {
        var keysByWriter = List.of(whistles(10), whistles(10));
        int eventsPerWhistle = 30;
        var first = relay();
        var second = relay();
        first.start();
        second.start();
        try {
            var writers = keysByWriter.stream()
                    .map(keys -> CompletableFuture.runAsync(() -> {
                        for (int revision = 1; revision <= eventsPerWhistle; revision++) {
                            for (var whistle : keys) {
                                var event = MessagingTestApplication.feedback(whistle, revision, "order");
                                store.transactions().executeWithoutResult(status -> outbox.append(event));
                            }
                        }
                    }))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(writers).get(2, TimeUnit.MINUTES);
            var all = keysByWriter.stream().flatMap(List::stream).collect(Collectors.toSet());
            int expected = all.size() * eventsPerWhistle;

            var records = TopicReader.readUntil(
                    Topics.WHISTLE_FEEDBACK, read -> ours(read, all).size() >= expected, PATIENCE);
            awaitNothingPending();

            var ours = ours(records, all);
            assertThat(ours).hasSize(expected);
            assertThat(ours.stream().map(r -> decode(r).id()).distinct()).hasSize(expected);
            Map<String, List<Long>> revisionsByWhistle = new HashMap<>();
            ours.forEach(r -> revisionsByWhistle
                    .computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(decode(r).revision()));
            var inOrder = IntStream.rangeClosed(1, eventsPerWhistle)
                    .mapToObj(Long::valueOf)
                    .toList();
            assertThat(revisionsByWhistle)
                    .hasSize(all.size())
                    .allSatisfy((whistle, revisions) ->
                            assertThat(revisions).as(whistle).containsExactlyElementsOf(inOrder));
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void forgetsTheEventWhenTheStateChangeRollsBack() {
        var event = MessagingTestApplication.feedback(WhistleId.newId(), 1, "rolled back");

        assertThatThrownBy(() -> store.transactions().executeWithoutResult(status -> {
                    outbox.append(event);
                    throw new IllegalStateException("the state change failed");
                }))
                .hasMessage("the state change failed");

        assertThat(store.jdbc()
                        .sql("SELECT count(*) FROM messaging.outbox_event WHERE event_id = :id")
                        .param("id", event.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void reportsTheBacklogAndTheAgeOfTheOldestUnpublishedEvent() {
        var meters = new SimpleMeterRegistry();
        OutboxMetrics.register(store.jdbc(), meters);
        var event = MessagingTestApplication.feedback(WhistleId.newId(), 1, "waiting");
        store.transactions().executeWithoutResult(status -> outbox.append(event));
        long pending = pendingIds().size();
        System.gc(); // the gauges must survive a collection; Micrometer alone keeps them only weakly

        assertThat(meters.get("whistle.outbox.backlog").gauge().value()).isEqualTo(pending);
        assertThat(meters.get("whistle.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void refusesToRecordAnEventOutsideATransaction() {
        var event = MessagingTestApplication.feedback(WhistleId.newId(), 1, "no transaction");

        assertThatThrownBy(() -> outbox.append(event))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    /** A relay as another replica (or this one after a restart) would run it: its own producer and connections. */
    private OutboxRelay relay() {
        var ownProducer = new DefaultKafkaProducerFactory<>(
                producers.getConfigurationProperties(), new StringSerializer(), new ByteArraySerializer());
        @SuppressWarnings({"unchecked", "rawtypes"})
        ProducerFactory<Object, Object> typed = (ProducerFactory) ownProducer;
        return new OutboxRelay(
                store.jdbc(),
                new TransactionTemplate(store.transactions().getTransactionManager()),
                typed,
                new OutboxRelay.Settings(Duration.ofMillis(20), 100, Duration.ofDays(7), Duration.ofSeconds(5)),
                new SimpleMeterRegistry());
    }

    private List<UUID> pendingIds() {
        return store.jdbc()
                .sql("SELECT event_id FROM messaging.outbox_event WHERE published_at IS NULL")
                .query(UUID.class)
                .list();
    }

    private void awaitPublished(UUID eventId) {
        org.awaitility.Awaitility.await()
                .atMost(PATIENCE)
                .until(() -> !pendingIds().contains(eventId));
    }

    private void awaitNothingPending() {
        org.awaitility.Awaitility.await()
                .atMost(PATIENCE)
                .until(() -> pendingIds().isEmpty());
    }

    private static List<WhistleId> whistles(int count) {
        return IntStream.range(0, count).mapToObj(i -> WhistleId.newId()).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> ours(
            List<ConsumerRecord<String, byte[]>> records, Set<WhistleId> whistles) {
        var keys = whistles.stream().map(WhistleId::toString).collect(Collectors.toSet());
        return records.stream().filter(r -> keys.contains(r.key())).toList();
    }

    private static List<UUID> eventIds(List<ConsumerRecord<String, byte[]>> records, WhistleId whistle) {
        return ours(records, Set.of(whistle)).stream().map(r -> decode(r).id()).toList();
    }

    private static org.whistle.events.EventEnvelope<?> decode(ConsumerRecord<String, byte[]> record) {
        return EventCodec.instance().decode(record.value());
    }
}
