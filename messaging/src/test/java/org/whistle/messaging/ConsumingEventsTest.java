package org.whistle.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.whistle.events.CategoryChanged;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TopicDefinition;
import org.whistle.events.Topics;
import org.whistle.events.TraceIds;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleId;
import org.whistle.messaging.deadletter.DeadLetters;
import org.whistle.messaging.deadletter.PoisonEventException;
import org.whistle.messaging.inbox.IdempotentHandling;
import org.whistle.messaging.testapp.MessagingTestApplication;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.TestInfrastructure;
import org.whistle.testing.TopicReader;

/** A listener as services write them — idempotent handling, default error handling — against real Kafka and PostgreSQL. */
@RealInfrastructure
@SpringBootTest(
        classes = {MessagingTestApplication.class, ConsumingEventsTest.Listener.class, ConsumingEventsTest.Meters.class
        },
        properties = {
            "whistle.messaging.consumer.max-retries=2",
            "whistle.messaging.consumer.initial-backoff=20ms",
            "whistle.messaging.consumer.max-backoff=50ms"
        })
class ConsumingEventsTest {

    static final String TOPIC = "messaging-test-events";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    KafkaTemplate<String, Object> template;

    @Autowired
    Listener listener;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsumerFactory<?, ?> consumers;

    @Autowired
    IdempotentHandling handling;

    @Autowired
    MessagingStore store;

    @Autowired
    MeterRegistry meters;

    /** A registry the dead-letter counter can be read from, as a service's Prometheus registry would hold it. */
    @org.springframework.boot.test.context.TestConfiguration
    static class Meters {
        @org.springframework.context.annotation.Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @BeforeAll
    static void createTheTestTopicAndItsDeadLetterTopic() {
        var topic = new TopicDefinition(TOPIC, 3, false, Duration.ofDays(1));
        try (var admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            Topics.ensureCreated(admin, List.of(topic, topic.deadLetter()), (short) 1);
        }
    }

    @Test
    void aConsumerThatStopsHeartbeatingGivesUpItsPartitionsAfterTenSeconds() {
        assertThat(consumers.getConfigurationProperties())
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_333);
    }

    @Test
    void appliesARedeliveredEventOnce() throws Exception {
        var event = MessagingTestApplication.feedback(WhistleId.newId(), 1, "ok");

        send(event);
        send(event);

        await().atMost(PATIENCE).until(() -> listener.deliveries(event.id()) == 2);
        assertThat(effects(event)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM messaging.handled_event WHERE event_id = :id")
                        .param("id", event.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void retriesAFailedEffectAndAppliesItOnce() throws Exception {
        var event = MessagingTestApplication.feedback(WhistleId.newId(), 1, Listener.FAIL_ONCE);

        send(event);

        await().atMost(PATIENCE).until(() -> effects(event) == 1);
        assertThat(listener.deliveries(event.id())).isEqualTo(2);
    }

    @Test
    void parksARecordThatIsNoEventInTheDeadLetterTopicWithItsReason() {
        var key = "poison-" + UUID.randomUUID();
        var garbage = "{\"type\":\"whistle-feedback\",\"version\":1,\"data\":".getBytes(StandardCharsets.UTF_8);
        sendRaw(key, garbage);

        var parked = deadLettered(key);

        assertThat(parked.value()).isEqualTo(garbage);
        assertThat(reason(parked)).startsWith("EventDecodingException: not a JSON event envelope");
        assertThat(parked.partition()).isEqualTo(partitionOf(key));
    }

    @Test
    void deadLettersAnEventThatStillFailsAfterItsRetries() throws Exception {
        var event = MessagingTestApplication.feedback(WhistleId.newId(), 1, Listener.FAIL_ALWAYS);

        send(event);

        var parked = deadLettered(event.key());
        assertThat(reason(parked)).isEqualTo("IllegalStateException: the unit registry is unavailable");
        assertThat(listener.deliveries(event.id())).isEqualTo(3);
        assertThat(effects(event)).isZero();
        assertThat(org.whistle.events.EventCodec.instance().decode(parked.value()))
                .isEqualTo(event);
    }

    @Test
    void deadLettersAPoisonEventWithoutRetrying() throws Exception {
        var event = MessagingTestApplication.feedback(WhistleId.newId(), 1, Listener.POISON);
        double countedBefore = deadLettersCounted();

        send(event);

        var parked = deadLettered(event.key());
        assertThat(reason(parked)).isEqualTo("PoisonEventException: the ticket of this feedback never existed");
        assertThat(listener.deliveries(event.id())).isEqualTo(1);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(deadLettersCounted())
                        .as("whistle_messaging_dead_letters_total{topic}")
                        .isEqualTo(countedBefore + 1));
    }

    @Test
    void deadLettersAnEventOfAnotherTypeWithoutRecordingItAsHandled() throws Exception {
        var code = "MSG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        var clock = Clock.systemUTC();
        var event = EventEnvelope.wrap(
                new CategoryChanged(code, "测试类别", null, null, "A", Urgency.NORMAL, true),
                1,
                "messaging-test",
                TraceIds.newTraceId(),
                clock);

        send(event);

        var parked = deadLettered(event.key());
        assertThat(reason(parked))
                .startsWith("PoisonEventException: not a WhistleFeedback event: org-category-changed");
        assertThat(listener.deliveries(event.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM messaging.handled_event WHERE event_id = :id")
                        .param("id", event.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void passesOverGeneratedHistoryWithoutEffectOrRecord() throws Exception {
        var whistle = WhistleId.newId();
        var history = MessagingTestApplication.feedback(whistle, 1, "ok").asHistory();
        var live = MessagingTestApplication.feedback(whistle, 2, "ok");

        send(history);
        send(live);

        await().atMost(PATIENCE).until(() -> effects(live) == 1);
        assertThat(listener.deliveries(history.id())).isEqualTo(1);
        assertThat(effects(history)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM messaging.handled_event WHERE event_id = :id")
                        .param("id", history.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void foldsHistoryWhereTheServiceSaysSo() {
        var history =
                MessagingTestApplication.feedback(WhistleId.newId(), 1, "ok").asHistory();
        var folding = new IdempotentHandling(store.jdbc(), store.transactions(), IdempotentHandling.History.FOLD);
        var effects = new AtomicInteger();

        assertThat(folding.handleOnce("messaging-test-fold", history, effects::incrementAndGet))
                .isTrue();
        assertThat(folding.handleOnce("messaging-test-fold", history, effects::incrementAndGet))
                .isFalse();
        assertThat(handling.handleOnce("messaging-test-ignore", history, effects::incrementAndGet))
                .isFalse();
        assertThat(effects).hasValue(1);
    }

    private double deadLettersCounted() {
        var counter = meters.find(DeadLetters.DEAD_LETTERS).tag("topic", TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private void send(EventEnvelope<?> event) throws Exception {
        template.send(TOPIC, event.key(), event).get(10, TimeUnit.SECONDS);
    }

    private static void sendRaw(String key, byte[] value) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, partitionOf(key), key, value));
        }
    }

    /** Pins raw records to a partition, so the test can check the dead letter keeps it. */
    private static int partitionOf(String key) {
        return Math.floorMod(key.hashCode(), 3);
    }

    private static ConsumerRecord<String, byte[]> deadLettered(String key) {
        var read = TopicReader.readUntil(
                Topics.deadLetterOf(TOPIC), records -> records.stream().anyMatch(r -> key.equals(r.key())), PATIENCE);
        return read.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8);
    }

    private long effects(EventEnvelope<?> event) {
        return jdbc.sql("SELECT count(*) FROM test_effect WHERE event_id = :id")
                .param("id", event.id())
                .query(Long.class)
                .single();
    }

    /** Records every delivery, fails on request, and applies its effect through {@link IdempotentHandling}. */
    static class Listener {

        static final String FAIL_ONCE = "fail once";
        static final String FAIL_ALWAYS = "fail always";
        static final String POISON = "poison";

        private final Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        private final Set<UUID> failedOnce = ConcurrentHashMap.newKeySet();
        private final IdempotentHandling handling;
        private final JdbcClient jdbc;

        Listener(IdempotentHandling handling, JdbcClient jdbc) {
            this.handling = handling;
            this.jdbc = jdbc;
            jdbc.sql("CREATE TABLE IF NOT EXISTS test_effect (event_id UUID NOT NULL, whistle_id TEXT NOT NULL)")
                    .update();
        }

        int deliveries(UUID eventId) {
            var count = deliveries.get(eventId);
            return count == null ? 0 : count.get();
        }

        @KafkaListener(topics = TOPIC, groupId = "messaging-test")
        void on(EventEnvelope<?> event) {
            deliveries.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            var comment = event.data() instanceof WhistleFeedback feedback ? feedback.comment() : null;
            if (FAIL_ALWAYS.equals(comment)) {
                throw new IllegalStateException("the unit registry is unavailable");
            }
            if (POISON.equals(comment)) {
                throw new PoisonEventException("the ticket of this feedback never existed");
            }
            handling.handleOnce("messaging-test", event, WhistleFeedback.class, feedback -> {
                if (FAIL_ONCE.equals(comment) && failedOnce.add(event.id())) {
                    throw new IllegalStateException("a transient failure inside the effect");
                }
                jdbc.sql("INSERT INTO test_effect (event_id, whistle_id) VALUES (:id, :whistle)")
                        .param("id", event.id())
                        .param("whistle", event.key())
                        .update();
            });
        }
    }
}
