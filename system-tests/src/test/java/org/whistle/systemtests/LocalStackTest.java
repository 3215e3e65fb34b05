package org.whistle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.whistle.events.EventCodec;
import org.whistle.events.Topics;
import org.whistle.localstack.RunningService;
import org.whistle.localstack.Service;

/**
 * The one-command platform as the system tests share it: every service ready, the demo city served through the
 * gateway, a whistle with a photo landing on Kafka. That the stack stops every process cleanly is checked when the
 * shared stack closes ({@link Platform#close()}).
 */
@ExtendWith(SharedLocalStack.class)
class LocalStackTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Platform platform;
    private final Casework casework;

    LocalStackTest(Platform platform) {
        this.platform = platform;
        this.casework = new Casework(platform);
    }

    @Test
    void bringsEveryServiceToReady() throws Exception {
        assertThat(platform.stack().services())
                .extracting(RunningService::service)
                .containsExactly(Service.values());
        for (var service : platform.stack().services()) {
            var readiness = get(service.readinessUri());
            assertThat(readiness.statusCode()).as(service.name()).isEqualTo(200);
            assertThat(readiness.body()).as(service.name()).contains("\"status\":\"UP\"");

            var metrics = get(service.managementUri().resolve("/actuator/prometheus"));
            assertThat(metrics.statusCode()).as(service.name()).isEqualTo(200);
            assertThat(metrics.body())
                    .as(service.name())
                    .contains("jvm_memory_used_bytes")
                    .contains("application=\"" + service.name() + "\"");
        }
        assertThat(platform.stack().dataDir().resolve("logs/intake-service.log"))
                .isNotEmptyFile();
        // The gateway keeps Actuator off the public port: health details and metrics name internal addresses.
        var gateway = platform.stack().service(Service.GATEWAY);
        for (var path : new String[] {"/actuator/health", "/actuator/prometheus"}) {
            var refused = get(gateway.baseUri().resolve(path));
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(refused.body()).as(path).contains("urn:whistle:problem:not-found");
        }
    }

    @Test
    void servesTheDemoCityThroughTheGatewayToADepartmentSystemWithAClientCredentialsToken() {
        var token = platform.login().client("gn-zjj-lzg-system");
        var gateway = platform.gateway();

        var districts = gateway.get("/api/org/nodes/230200/children", token).expect(200);
        assertThat(districts.values().stream().map(d -> d.get("name").asString()))
                .hasSize(16)
                .contains("龙沙区", "建华区", "甘南县", "讷河市");

        var resolved = gateway.get("/api/org/resolve?lat=47.9218&lng=123.5046&crs=WGS84", token)
                .expect(200);
        assertThat(resolved.at("/grid/code").asString()).isEqualTo("230225100001001");
        assertThat(resolved.at("/ancestry").values().stream()
                        .map(n -> n.get("name").asString()))
                .containsExactly(
                        "齐齐哈尔市", "甘南县", "甘南镇", "繁荣社区", resolved.at("/grid/name").asString());

        // The seed's story: damaged road at the crossing; the roads section of the county's housing bureau is summoned.
        var proposal = gateway.get(
                        "/api/org/routing/proposal?category=MUNICIPAL-ROAD-DAMAGE&node=230225100001001&level=STREET",
                        token)
                .expect(200);
        assertThat(proposal.at("/leadUnitCode").asString()).isEqualTo("QQ-230225-ZJJ-LZG");
    }

    @Test
    void raisesAWhistleWithAPhotoInFanrongCommunityAndPutsItOnKafka() {
        var raised = casework.raiseWithEvidence(
                null,
                Place.CROSSING,
                "MUNICIPAL-ROAD-DAMAGE",
                "WECHAT",
                "NORMAL",
                "文明大街与农机路交叉路口路面破损",
                "13900000123",
                "road.jpg",
                "image/jpeg",
                Casework.photo());

        assertThat(raised.at("/grid/id").asString()).isEqualTo("230225100001001");
        assertThat(raised.at("/street/name").asString()).isEqualTo("甘南镇");
        assertThat(raised.at("/evidence/0/contentType").asString()).isEqualTo("image/jpeg");
        assertThat(whistleRaisedOnKafka(raised.at("/id").asString())).isTrue();
    }

    private boolean whistleRaisedOnKafka(String whistleId) {
        Map<String, Object> config = Map.of(
                "bootstrap.servers", platform.stack().kafkaBootstrapServers(), "isolation.level", "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(Topics.WHISTLE_RAISED).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var found = new AtomicBoolean();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var envelope = EventCodec.instance().decode(record.value());
                    if (envelope.whistleId() != null
                            && envelope.whistleId().value().toString().equals(whistleId)) {
                        found.set(true);
                    }
                }
                return found.get();
            });
            return found.get();
        }
    }

    private static HttpResponse<String> get(java.net.URI uri) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
