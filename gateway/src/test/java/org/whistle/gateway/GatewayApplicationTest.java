package org.whistle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GatewayApplicationTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Stands in for intake-service: answers every request with the path and query it received. */
    private static final HttpServer INTAKE = startEchoServer();

    @LocalServerPort
    private int port;

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
        var response = get("/api/whistles/x?channel=wechat", Duration.ofSeconds(10));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("/api/whistles/x?channel=wechat");
    }

    @Test
    void routesOpen311ToIntake() throws Exception {
        var response = get("/open311/v2/services.json", Duration.ofSeconds(10));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("/open311/v2/services.json");
    }

    @Test
    void answersWithServerErrorPromptlyWhenTheServiceIsDown() throws Exception {
        long started = System.nanoTime();

        var response = get("/api/tickets/42", Duration.ofSeconds(5));

        assertThat(response.statusCode()).isBetween(500, 599);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void answersNotFoundForPathsNoServiceOwns() throws Exception {
        assertThat(get("/api/unknown", Duration.ofSeconds(10)).statusCode()).isEqualTo(404);
    }

    @Test
    void reportsReadyAndLive() throws Exception {
        for (var probe : new String[] {"/actuator/health/readiness", "/actuator/health/liveness"}) {
            var response = get(probe, Duration.ofSeconds(10));

            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(JsonMapper.shared()
                            .readTree(response.body())
                            .at("/status")
                            .asString())
                    .as(probe)
                    .isEqualTo("UP");
        }
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheApplication() throws Exception {
        var metrics = get("/actuator/prometheus", Duration.ofSeconds(10));

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).containsAnyOf("text/plain", "application/openmetrics-text"));
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"gateway\"");
    }

    private HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(timeout)
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer startEchoServer() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
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
