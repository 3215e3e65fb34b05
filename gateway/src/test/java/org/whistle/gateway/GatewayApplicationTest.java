package org.whistle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.whistle.testing.service.ServiceContract;
import tools.jackson.databind.json.JsonMapper;

/** The gateway with its shipped configuration: routes, the operational contract on the management port, limits. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class GatewayApplicationTest extends ServiceContract {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    private int publicPort;

    @LocalManagementPort
    private int managementPort;

    /** Stands in for intake-service: answers every request with the path and query it received. */
    private static final HttpServer INTAKE = startEchoServer();

    @DynamicPropertySource
    static void routeToTestBackends(DynamicPropertyRegistry registry) {
        registry.add(
                "INTAKE_URI", () -> "http://127.0.0.1:" + INTAKE.getAddress().getPort());
        registry.add("DISPATCH_URI", () -> "http://127.0.0.1:" + portNobodyListensOn());
    }

    @AfterAll
    static void stopBackend() {
        INTAKE.stop(0);
    }

    @Test
    void routesWhistlesToIntakeWithThePathIntact() throws Exception {
        var response = get("/api/whistles/x?channel=wechat");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("/api/whistles/x?channel=wechat");
    }

    @Test
    void routesOpen311ToIntake() throws Exception {
        var response = get("/open311/v2/services.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("/open311/v2/services.json");
    }

    @Test
    void answersWithAServerErrorWhenTheServiceIsDown() throws Exception {
        // get() gives up after 10 s: a gateway that waited on the dead backend instead would fail here.
        var response = get("/api/tickets/42");

        assertThat(response.statusCode()).isBetween(500, 599);
    }

    @Test
    void answersNotFoundForPathsNoServiceOwnsWithAProblemDetail() throws Exception {
        var response = get("/api/unknown");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.at("/type").asString()).isEqualTo("urn:whistle:problem:not-found");
        assertThat(problem.at("/status").asInt()).isEqualTo(404);
        assertThat(problem.at("/title").asString()).isEqualTo("找不到此地址");
        assertThat(problem.at("/detail").asString()).contains("地址");
    }

    @Test
    void answersItsOwnProblemsInEnglishWhenTheCallerPrefersIt() throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + publicPort + "/api/unknown"))
                        .header("Accept-Language", "en-US,en;q=0.9,zh-CN;q=0.4")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        var problem = JsonMapper.shared().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(problem.at("/title").asString()).isEqualTo("Not found");
        assertThat(problem.at("/detail").asString()).isEqualTo("There is nothing at this address.");
    }

    @Test
    void keepsActuatorOffThePublicPort() throws Exception {
        assertThat(managementPort).isNotEqualTo(publicPort);
        for (var path : new String[] {
            "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus", "/actuator/info", "/actuator"
        }) {
            var response = send(publicPort, path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(response.body()).as(path).doesNotContain("jvm_", "UP", "components");
        }
        assertThat(send(managementPort, "/actuator/health/readiness").statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesABodyLargerThanAnyEventMayBeWithAProblemDetail() throws Exception {
        // 64 KiB for a JSON command (RequestSizeFilter says why); one byte more is refused before any service.
        var justFits = post("/api/whistles/1/feedback", "application/json", 64 * 1024, false);
        var tooLarge = post("/api/tickets/42/notes", "application/json", 64 * 1024 + 1, false);
        var tooLargeChunked = post("/api/tickets/42/notes", "application/json", 64 * 1024 + 1, true);
        var jsonOnAnUploadPath = post("/api/whistles", "application/json", 200 * 1024, false);
        var upload = post("/api/whistles", "multipart/form-data; boundary=x", 200 * 1024, false);

        assertThat(justFits.statusCode()).isEqualTo(200);
        for (var refused : List.of(tooLarge, tooLargeChunked, jsonOnAnUploadPath)) {
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            var problem = JsonMapper.shared().readTree(refused.body());
            assertThat(problem.at("/type").asString()).isEqualTo("urn:whistle:problem:content-too-large");
            assertThat(problem.at("/title").asString()).isEqualTo("请求内容过大");
            assertThat(problem.at("/detail").asString()).contains("64 KB");
        }
        assertThat(upload.statusCode()).isEqualTo(200);
    }

    /** Actuator lives on the management port; the contract's checks go there. */
    @Override
    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(path.startsWith("/actuator") ? managementPort : publicPort, path);
    }

    private static HttpResponse<String> send(int port, String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, int bytes, boolean chunked)
            throws IOException, InterruptedException {
        var body = "x".repeat(bytes).getBytes(StandardCharsets.UTF_8);
        var publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + publicPort + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(publisher)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer startEchoServer() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                var body = exchange.getRequestURI().toString().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the stand-in backend", e);
        }
    }

    /** A port that was free a moment ago and is closed again, so connecting to it is refused. */
    private static int portNobodyListensOn() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }
}
