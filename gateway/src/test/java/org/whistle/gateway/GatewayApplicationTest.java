package org.whistle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.whistle.testing.service.ServiceContract;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GatewayApplicationTest extends ServiceContract {

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
    void answersNotFoundForPathsNoServiceOwns() throws Exception {
        assertThat(get("/api/unknown").statusCode()).isEqualTo(404);
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
