package org.whistle.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Topics;
import org.whistle.events.WhistleId;
import org.whistle.messaging.outbox.Outbox;
import org.whistle.messaging.outbox.OutboxLanes;
import org.whistle.messaging.outbox.OutboxMetrics;
import org.whistle.messaging.outbox.OutboxRelay;
import org.whistle.messaging.testapp.MessagingTestApplication;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.TestInfrastructure;
import org.whistle.testing.TestIssuer;
import org.whistle.testing.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event the broker will never take, against the real broker: it is parked with the reason, the rest of its lane
 * is published, and an administrator re-drives it once the topic's limit is raised, or discards it — through the
 * service's own HTTP endpoint and bearer-token security.
 */
@RealInfrastructure
@SpringBootTest(
        classes = {MessagingTestApplication.class, ParkedOutboxEventsTest.Meters.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParkedOutboxEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TOPIC = Topics.WHISTLE_FEEDBACK;
    /** Lowered for the test so a 200 kB event is too large for the broker while the producer still sends it. */
    private static final int LOWERED_LIMIT = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestConfiguration
    static class Meters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Outbox outbox;

    @Autowired
    MessagingStore store;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MessagingProperties properties;

    @AfterEach
    void restoreTheTopicsLimit() throws Exception {
        alterLimit(null);
    }

    @Test
    void parksAnEventTooLargeForTheBrokerPublishesTheRestOfItsLaneAndRedrivesItOnceTheLimitIsRaised() throws Exception {
        alterLimit(LOWERED_LIMIT);
        var whistle = WhistleId.newId();
        var neighbour = inTheSameLaneAs(whistle);
        var before = MessagingTestApplication.feedback(whistle, 1, "before");
        var tooLarge = MessagingTestApplication.feedback(whistle, 2, "长".repeat(70_000));
        var after = MessagingTestApplication.feedback(whistle, 3, "after");
        var neighbours = MessagingTestApplication.feedback(neighbour, 1, "the same lane");
        double parkedBefore = parkedCount();

        for (var event : List.of(before, tooLarge, after, neighbours)) {
            store.transactions().executeWithoutResult(status -> outbox.append(event));
        }

        TopicReader.readUntil(
                TOPIC, read -> ids(read).containsAll(Set.of(before.id(), after.id(), neighbours.id())), PATIENCE);
        await().atMost(PATIENCE).until(() -> parkedIdOf(tooLarge.id()) != null);
        long parkedId = parkedIdOf(tooLarge.id());
        assertThat(pending(tooLarge.id())).isZero();
        assertThat(parkedCount()).isEqualTo(parkedBefore + 1);
        var gauges = new SimpleMeterRegistry();
        OutboxMetrics.register(store.jdbc(), gauges);
        assertThat(gauges.get(OutboxMetrics.PARKED_WAITING).gauge().value()).isGreaterThanOrEqualTo(1.0);

        assertThat(get("/admin/outbox/parked", null).statusCode()).isEqualTo(401);
        var dispatcher = TestIssuer.get().token("dispatcher-1", List.of("STREET_DISPATCHER"), List.of("S1"), null);
        var refused = get("/admin/outbox/parked", dispatcher);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(get("/admin/outbox/parked/" + parkedId, dispatcher).statusCode())
                .isEqualTo(403);

        var admin = admin();
        var listed = get("/admin/outbox/parked", admin);
        assertThat(listed.statusCode()).isEqualTo(200);
        var entry = find(JSON.readTree(listed.body()), tooLarge.id());
        assertThat(entry.get("reason").asString()).contains("最大大小");
        assertThat(entry.get("error").asString()).contains("RecordTooLargeException");
        assertThat(entry.get("topic").asString()).isEqualTo(TOPIC);
        assertThat(entry.get("parkedAt").asString()).endsWith("+08:00");
        assertThat(entry.has("payload")).isFalse();
        assertThat(listed.body()).doesNotContain("长长长");
        var shown = JSON.readTree(get("/admin/outbox/parked/" + parkedId, admin).body());
        assertThat(shown.get("payload").asString()).contains("长长长");

        alterLimit(null);
        var redriven = post("/admin/outbox/parked/" + parkedId + "/redrive", admin, "");
        assertThat(redriven.statusCode()).as(redriven.body()).isEqualTo(200);
        assertThat(JSON.readTree(redriven.body()).get("resolution").asString()).isEqualTo("REDRIVEN");

        var records = TopicReader.readUntil(TOPIC, read -> ids(read).contains(tooLarge.id()), PATIENCE);
        await().atMost(PATIENCE).until(() -> pending(tooLarge.id()) == 0);
        var ours = records.stream()
                .map(ParkedOutboxEventsTest::decode)
                .filter(e -> Set.of(before.id(), tooLarge.id(), after.id(), neighbours.id())
                        .contains(e.id()))
                .map(EventEnvelope::id)
                .toList();
        assertThat(ours).containsExactlyInAnyOrder(before.id(), tooLarge.id(), after.id(), neighbours.id());
        assertThat(store.jdbc()
                        .sql("SELECT resolved_by FROM messaging.outbox_parked WHERE id = :id")
                        .param("id", parkedId)
                        .query(String.class)
                        .single())
                .isEqualTo("admin-1");

        var again = post("/admin/outbox/parked/" + parkedId + "/redrive", admin, "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("detail").asString()).contains("已重新投递");
    }

    @Test
    void discardsAParkedEventOnlyWithAReasonAndKeepsWhoDiscardedIt() throws Exception {
        // Over the producer's own max.request.size (1 MiB): the 5 MB note the relay used to retry for ever.
        var whistle = WhistleId.newId();
        var hopeless = MessagingTestApplication.feedback(whistle, 1, "x".repeat(5 * 1024 * 1024));
        var next = MessagingTestApplication.feedback(whistle, 2, "next");
        store.transactions().executeWithoutResult(status -> outbox.append(hopeless));
        store.transactions().executeWithoutResult(status -> outbox.append(next));

        TopicReader.readUntil(TOPIC, read -> ids(read).contains(next.id()), PATIENCE);
        await().atMost(PATIENCE).until(() -> parkedIdOf(hopeless.id()) != null);
        long parkedId = parkedIdOf(hopeless.id());

        var admin = admin();
        var blank = post("/admin/outbox/parked/" + parkedId + "/discard", admin, "{\"reason\":\"  \"}");
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(blank.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("reason");
        var tooLong = post(
                "/admin/outbox/parked/" + parkedId + "/discard", admin, "{\"reason\":\"" + "x".repeat(2_001) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(422);

        var discarded = post("/admin/outbox/parked/" + parkedId + "/discard", admin, "{\"reason\":\"测试数据，无需投递\"}");
        assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(200);
        var body = JSON.readTree(discarded.body());
        assertThat(body.get("resolution").asString()).isEqualTo("DISCARDED");
        assertThat(body.get("resolvedBy").asString()).isEqualTo("admin-1");
        assertThat(body.get("resolutionReason").asString()).isEqualTo("测试数据，无需投递");
        assertThat(pending(hopeless.id())).isZero();
        assertThat(post("/admin/outbox/parked/" + parkedId + "/redrive", admin, "")
                        .statusCode())
                .isEqualTo(409);
        assertThat(get("/admin/outbox/parked/999999999", admin).statusCode()).isEqualTo(404);
        var waiting = JSON.readTree(get("/admin/outbox/parked", admin).body());
        assertThat(waiting.valueStream().map(n -> n.get("id").asLong())).doesNotContain(parkedId);
    }

    private String admin() {
        return TestIssuer.get().token("admin-1", List.of("ADMINISTRATOR"), List.of(), null);
    }

    private WhistleId inTheSameLaneAs(WhistleId whistle) {
        var lanes = new OutboxLanes(properties.outbox().lanes());
        int lane = lanes.laneOf(whistle.toString());
        while (true) {
            var candidate = WhistleId.newId();
            if (lanes.laneOf(candidate.toString()) == lane) {
                return candidate;
            }
        }
    }

    private double parkedCount() {
        var counter = meters.find(OutboxRelay.PARKED_METRIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private Long parkedIdOf(UUID eventId) {
        return store.jdbc()
                .sql("SELECT max(id) FROM messaging.outbox_parked WHERE event_id = :id")
                .param("id", eventId)
                .query(Long.class)
                .single();
    }

    private long pending(UUID eventId) {
        return store.jdbc()
                .sql("SELECT count(*) FROM messaging.outbox_event WHERE event_id = :id AND published_at IS NULL")
                .param("id", eventId)
                .query(Long.class)
                .single();
    }

    /** Sets the topic's max.message.bytes, or removes the override (null), and waits until the broker says so. */
    private static void alterLimit(Integer bytes) throws Exception {
        var topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
        try (var admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            var entry = new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, bytes == null ? "" : bytes.toString());
            var op = new AlterConfigOp(entry, bytes == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get();
            await().atMost(PATIENCE).until(() -> {
                var config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
                var current = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                return bytes == null
                        ? current.source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG
                        : bytes.toString().equals(current.value());
            });
        }
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode find(JsonNode list, UUID eventId) {
        return list.valueStream()
                .filter(n -> n.get("eventId").asString().equals(eventId.toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(eventId + " not listed in " + list));
    }

    private static Set<UUID> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> decode(r).id()).collect(Collectors.toSet());
    }

    private static EventEnvelope<?> decode(ConsumerRecord<String, byte[]> record) {
        return EventCodec.instance().decode(record.value());
    }
}
