package org.whistle.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.events.WhistleId;
import org.whistle.messaging.outbox.Outbox;
import org.whistle.messaging.outbox.OutboxLanes;
import org.whistle.messaging.outbox.OutboxRelay;
import org.whistle.messaging.testapp.MessagingTestApplication;
import org.whistle.testing.RealInfrastructure;

/**
 * A wake goes straight to its lane: the relay publishes the lane a local commit woke it for without reading (or
 * publishing) other lanes, which wait for the sweep. The poll interval is an hour, so only the relay's first round and
 * explicit sweeps look at every lane.
 */
@RealInfrastructure
@SpringBootTest(classes = MessagingTestApplication.class, properties = "whistle.messaging.outbox.relay-enabled=false")
class OutboxRelayWakeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration NO_SWEEP = Duration.ofHours(1);

    @Autowired
    MessagingStore store;

    @Autowired
    ProducerFactory<?, ?> producers;

    @Autowired
    MessagingProperties properties;

    @Test
    void aWakeForOneLanePublishesThatLaneAndLeavesTheOthersToTheSweep() {
        var lanes = new OutboxLanes(properties.outbox().lanes());
        var woken = WhistleId.newId();
        var other = whistleOnAnotherLane(lanes, lanes.laneOf(woken.toString()));
        var relay = relay(1_000);
        var local = new Outbox(store.jdbc(), lanes, relay::wake);
        // Another replica's commit: nothing wakes this relay for it.
        var elsewhere = new Outbox(store.jdbc(), lanes, lane -> {});
        relay.start();
        try {
            var first = MessagingTestApplication.feedback(woken, 1, "first");
            store.transactions().executeWithoutResult(status -> local.append(first));
            awaitPublished(first.id());
            // The first round's sweep is over once nothing is pending (only this relay runs).
            await().atMost(PATIENCE).until(() -> pending().isEmpty());

            var unannounced = MessagingTestApplication.feedback(other, 1, "another replica's");
            store.transactions().executeWithoutResult(status -> elsewhere.append(unannounced));
            var second = MessagingTestApplication.feedback(woken, 2, "second");
            store.transactions().executeWithoutResult(status -> local.append(second));
            awaitPublished(second.id());

            assertThat(pending()).containsExactly(unannounced.id());

            relay.relayOnce();

            assertThat(pending()).isEmpty();
        } finally {
            relay.stop();
        }
    }

    @Test
    void aWokenLaneWithMoreRowsThanABatchIsPublishedToTheEndWithoutASweep() {
        var lanes = new OutboxLanes(properties.outbox().lanes());
        var relay = relay(5);
        var local = new Outbox(store.jdbc(), lanes, relay::wake);
        relay.start();
        try {
            await().atMost(PATIENCE).until(() -> pending().isEmpty());
            var whistle = WhistleId.newId();
            var events = new ArrayList<UUID>();
            store.transactions()
                    .executeWithoutResult(status -> IntStream.rangeClosed(1, 12).forEach(revision -> {
                        var event = MessagingTestApplication.feedback(whistle, revision, "burst");
                        local.append(event);
                        events.add(event.id());
                    }));

            await().atMost(PATIENCE).until(() -> pending().isEmpty());
            assertThat(store.jdbc()
                            .sql("SELECT count(*) FROM messaging.outbox_event"
                                    + " WHERE event_id IN (:ids) AND published_at IS NOT NULL")
                            .param("ids", events)
                            .query(Long.class)
                            .single())
                    .isEqualTo(12);
        } finally {
            relay.stop();
        }
    }

    private static WhistleId whistleOnAnotherLane(OutboxLanes lanes, int lane) {
        while (true) {
            var candidate = WhistleId.newId();
            if (lanes.laneOf(candidate.toString()) != lane) {
                return candidate;
            }
        }
    }

    /** A relay as a replica runs it, with its own producer; its poll interval keeps sweeps out of the test. */
    private OutboxRelay relay(int batchSize) {
        var ownProducer = new DefaultKafkaProducerFactory<>(
                producers.getConfigurationProperties(), new StringSerializer(), new ByteArraySerializer());
        @SuppressWarnings({"unchecked", "rawtypes"})
        ProducerFactory<Object, Object> typed = (ProducerFactory) ownProducer;
        return new OutboxRelay(
                store.jdbc(),
                new TransactionTemplate(store.transactions().getTransactionManager()),
                typed,
                new OutboxRelay.Settings(NO_SWEEP, batchSize, Duration.ofDays(7), Duration.ofSeconds(5)),
                new SimpleMeterRegistry());
    }

    private List<UUID> pending() {
        return store.jdbc()
                .sql("SELECT event_id FROM messaging.outbox_event WHERE published_at IS NULL")
                .query(UUID.class)
                .list();
    }

    private void awaitPublished(UUID eventId) {
        await().atMost(PATIENCE).until(() -> !pending().contains(eventId));
    }
}
