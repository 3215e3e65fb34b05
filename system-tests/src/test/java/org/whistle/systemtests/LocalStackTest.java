package org.whistle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.whistle.localstack.LocalStack;
import org.whistle.localstack.Options;
import org.whistle.localstack.RunningService;
import org.whistle.localstack.RunningStack;
import org.whistle.localstack.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one-command platform, started once: every service ready, the demo city served through the gateway. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path ACCOUNTS = Path.of("../demo/accounts.json");

    private Path dataDir;
    private RunningStack stack;

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("whistle-local-stack-test");
        var options = Options.defaults()
                .withDataDir(dataDir)
                .withServicesDir(Path.of(System.getProperty("whistle.services-dir", "target/services")))
                .withFreePorts();
        stack = LocalStack.start(options);
    }

    @AfterAll
    void stopsEveryProcessCleanly() {
        List<ProcessHandle> processes =
                stack.services().stream().map(RunningService::process).toList();

        stack.close();

        assertThat(processes)
                .allSatisfy(process -> assertThat(process.isAlive())
                        .as("pid %d", process.pid())
                        .isFalse());
    }

    @Test
    void bringsEveryServiceToReady() throws Exception {
        assertThat(stack.services()).extracting(RunningService::service).containsExactly(Service.values());
        for (var service : stack.services()) {
            var readiness = get(service.readinessUri(), null);
            assertThat(readiness.statusCode()).as(service.name()).isEqualTo(200);
            assertThat(readiness.body()).as(service.name()).contains("\"status\":\"UP\"");

            var metrics = get(service.baseUri().resolve("/actuator/prometheus"), null);
            assertThat(metrics.statusCode()).as(service.name()).isEqualTo(200);
            assertThat(metrics.body())
                    .as(service.name())
                    .contains("jvm_memory_used_bytes")
                    .contains("application=\"" + service.name() + "\"");
        }
        assertThat(stack.dataDir().resolve("logs/intake-service.log")).isNotEmptyFile();
    }

    @Test
    void servesTheDemoCityThroughTheGatewayToADepartmentSystemWithAClientCredentialsToken() throws Exception {
        var client = JSON.readTree(ACCOUNTS.toFile()).at("/clients").values().stream()
                .filter(c -> c.get("clientId").asString().equals("gn-zjj-lzg-system"))
                .findFirst()
                .orElseThrow();
        var token = clientCredentialsToken(
                client.get("clientId").asString(), client.get("secret").asString());

        var districts = json(get(gateway("/api/org/nodes/230200/children"), token));
        assertThat(districts.values().stream().map(d -> d.get("name").asString()))
                .hasSize(16)
                .contains("龙沙区", "建华区", "甘南县", "讷河市");

        var resolved = json(get(gateway("/api/org/resolve?lat=47.9218&lng=123.5046&crs=WGS84"), token));
        assertThat(resolved.at("/grid/code").asString()).isEqualTo("230225100001001");
        assertThat(resolved.at("/ancestry").values().stream()
                        .map(n -> n.get("name").asString()))
                .containsExactly(
                        "齐齐哈尔市", "甘南县", "甘南镇", "繁荣社区", resolved.at("/grid/name").asString());

        // The seed's story: damaged road at the crossing; the roads section of the county's housing bureau is summoned.
        var proposal = json(get(
                gateway("/api/org/routing/proposal?category=MUNICIPAL-ROAD-DAMAGE&node=230225100001001&level=STREET"),
                token));
        assertThat(proposal.at("/leadUnitCode").asString()).isEqualTo("QQ-230225-ZJJ-LZG");
    }

    @Test
    void raisesAWhistleWithAPhotoInFanrongCommunityAndPutsItOnKafka() throws Exception {
        var raised = raiseRoadDamageAtTheCrossing("NORMAL");

        assertThat(raised.at("/grid/id").asString()).isEqualTo("230225100001001");
        assertThat(raised.at("/street/name").asString()).isEqualTo("甘南镇");
        assertThat(raised.at("/evidence/0/contentType").asString()).isEqualTo("image/jpeg");
        var id = raised.at("/id").asString();
        assertThat(whistleRaisedOnKafka(id)).isTrue();
    }

    @Test
    void escalatesAnUnansweredWhistleToTheCityWhoseSummonsTheUnitHearsAtOnceAndTellsTheReporter() throws Exception {
        // Urgent road damage must be filed within 30 policy minutes: 30 s at the demo's 60-fold time.
        var id = raiseRoadDamageAtTheCrossing("URGENT").at("/id").asString();
        var city = JSON.readTree(ACCOUNTS.toFile()).at("/clients").values().stream()
                .filter(c -> c.get("clientId").asString().equals("qq-zhzx-integration"))
                .findFirst()
                .orElseThrow();
        var token = clientCredentialsToken(
                city.get("clientId").asString(), city.get("secret").asString());

        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    var ticket = get(gateway("/api/tickets/by-whistle/" + id), token);
                    return ticket.statusCode() == 200
                            && JSON.readTree(ticket.body())
                                    .at("/level")
                                    .asString()
                                    .equals("CITY");
                });
        var ticket = json(get(gateway("/api/tickets/by-whistle/" + id), token));
        assertThat(ticket.at("/levelHistory").findValuesAsString("level"))
                .containsExactly("STREET", "DISTRICT", "CITY");
        assertThat(ticket.at("/timeline").toString()).contains("FILE");

        // The city centre now files it and summons the roads section; the section hears it at once.
        var section = JSON.readTree(ACCOUNTS.toFile()).at("/clients").values().stream()
                .filter(c -> c.get("clientId").asString().equals("gn-zjj-lzg-system"))
                .findFirst()
                .orElseThrow();
        var sectionToken = clientCredentialsToken(
                section.get("clientId").asString(), section.get("secret").asString());
        var stream = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var streaming = HTTP.sendAsync(
                HttpRequest.newBuilder(gateway("/api/notifications/stream"))
                        .header("Authorization", "Bearer " + sectionToken)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        stream.add(line);
                    }

                    @Override
                    public void onError(Throwable throwable) {}

                    @Override
                    public void onComplete() {}
                }));
        var ticketPath = "/api/tickets/" + ticket.at("/id").asString();
        assertThat(post(gateway(ticketPath + "/file"), token, "{}").statusCode())
                .isEqualTo(200);
        assertThat(post(gateway(ticketPath + "/summon"), token, "{\"lead\":\"QQ-230225-ZJJ-LZG\"}")
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> stream.stream().anyMatch(line -> line.contains(id)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> json(get(gateway("/api/notifications/inbox"), sectionToken))
                        .at("/items")
                        .toString()
                        .contains(id));
        streaming.cancel(true);
        var notificationLog = stack.dataDir().resolve("logs/notification-service.log");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.readString(notificationLog)
                        .lines()
                        .anyMatch(line -> line.contains("NOT SENT") && line.contains("139****0123")));
    }

    private static HttpResponse<String> post(URI uri, String token, String json) throws Exception {
        var request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode raiseRoadDamageAtTheCrossing(String urgency) throws Exception {
        var boundary = "whistle-" + System.nanoTime();
        var whistle = """
                {"channel":"WECHAT","category":"MUNICIPAL-ROAD-DAMAGE","description":"文明大街与农机路交叉路口路面破损",
                 "location":{"lat":47.9218,"lng":123.5046,"crs":"WGS84"},"reporter":{"phone":"13900000123"},
                 "urgency":"%s"}
                """.formatted(urgency);
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"whistle\"\r\n"
                        + "Content-Type: application/json\r\n\r\n" + whistle + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"road.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(photo());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(gateway("/api/whistles"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static byte[] photo() throws IOException {
        var image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private boolean whistleRaisedOnKafka(String whistleId) {
        var config = java.util.Map.<String, Object>of(
                "bootstrap.servers", stack.kafkaBootstrapServers(), "isolation.level", "read_committed");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                config,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(org.whistle.events.Topics.WHISTLE_RAISED).stream()
                    .map(info -> new org.apache.kafka.common.TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var found = new java.util.concurrent.atomic.AtomicBoolean();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var envelope = org.whistle.events.EventCodec.instance().decode(record.value());
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

    private String clientCredentialsToken(String clientId, String secret) throws Exception {
        var basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(gateway("/oauth2/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=" + URLEncoder.encode("client_credentials", StandardCharsets.UTF_8)))
                .build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private URI gateway(String path) {
        return stack.services().stream()
                .filter(service -> service.service() == Service.GATEWAY)
                .findFirst()
                .orElseThrow()
                .baseUri()
                .resolve(path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
        var request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
