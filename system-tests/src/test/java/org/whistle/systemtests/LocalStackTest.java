package org.whistle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

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
