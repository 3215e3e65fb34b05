package org.whistle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A caller that is not a trusted proxy cannot choose its own rate-limit bucket, nor the address the services see, by
 * writing {@code X-Forwarded-For}: here the proxies trusted are a range the test's own loopback is not in.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "whistle.gateway.trusted-proxies=10.0.0.0/8",
            "whistle.gateway.rate-limits.anonymous-limit-for-period=3",
            "whistle.gateway.rate-limits.anonymous-period=1m"
        })
class UntrustedPeerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Headers> RECEIVED = new ConcurrentHashMap<>();
    private static final HttpServer INTAKE = start();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void routeToStandIn(DynamicPropertyRegistry registry) {
        registry.add(
                "INTAKE_URI", () -> "http://127.0.0.1:" + INTAKE.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        INTAKE.stop(0);
    }

    @Test
    void ignoresAForwardedForItDoesNotTrustForTheLimitAndForTheServices() throws Exception {
        for (var i = 1; i <= 3; i++) {
            assertThat(post("/api/whistles/spoof-" + i, "203.0.113." + i).statusCode())
                    .isEqualTo(200);
        }

        var fourth = post("/api/whistles/spoof-4", "203.0.113.4");

        assertThat(fourth.statusCode())
                .as("every spoofed address shares the peer's bucket")
                .isEqualTo(429);
        assertThat(RECEIVED.get("/api/whistles/spoof-1").get("X-Forwarded-For"))
                .as("the services see the peer, not the claim")
                .containsExactly("127.0.0.1");
    }

    private HttpResponse<String> post(String path, String claimedAddress) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("X-Forwarded-For", claimedAddress)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                RECEIVED.put(exchange.getRequestURI().getPath(), exchange.getRequestHeaders());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
