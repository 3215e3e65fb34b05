package org.whistle.notification.textmessages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.delivery.Undeliverable;

/** The reporter's contact from intake's internal endpoint, asked with this service's token, in the delivery's trace. */
class IntakeReporterContactsTest {

    private static final UUID KNOWN = UUID.fromString("0b6f5a2e-7c1d-4e8a-9b3f-2d4c6e8a0b1c");

    private HttpServer server;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> traceparent = new AtomicReference<>();
    private final TracedClients traced = new TracedClients();

    @BeforeEach
    void intake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            exchange.getRequestBody().readAllBytes();
            answer(exchange, 200, "{\"access_token\":\"service-token\",\"expires_in\":3600}");
        });
        server.createContext("/internal/whistles/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            traceparent.set(exchange.getRequestHeaders().getFirst("traceparent"));
            if (exchange.getRequestURI().getPath().equals("/internal/whistles/" + KNOWN + "/contact")) {
                answer(exchange, 200, "{\"phone\":\"13800000001\",\"wechatOpenId\":null,\"trackingCode\":\"K7Q2M9\"}");
            } else {
                answer(exchange, 404, "");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        traced.close();
    }

    private IntakeReporterContacts contacts() {
        var base = "http://127.0.0.1:" + server.getAddress().getPort();
        return new IntakeReporterContacts(
                URI.create(base),
                new ServiceTokens(
                        new NotificationProperties.Client(
                                URI.create(base + "/oauth2/token"), "notification-service", "secret"),
                        Clock.systemUTC()),
                traced.builder());
    }

    @Test
    void asksIntakeForTheContactInTheTraceOfTheDeliveryBeingMade() throws Exception {
        var contact = new AtomicReference<ReporterContacts.Contact>();
        var delivery = traced.within(() -> {
            contact.set(contacts().contactOf(KNOWN));
            return null;
        });

        assertThat(contact.get().phone()).isEqualTo("13800000001");
        assertThat(authorization.get()).isEqualTo("Bearer service-token");
        assertThat(traceparent.get())
                .as("intake's span continues the delivery's trace (ADR 0054)")
                .isNotNull()
                .startsWith("00-" + delivery.context().traceId() + "-");
    }

    @Test
    void anUnknownWhistleHasNoContact() {
        assertThatThrownBy(() -> contacts().contactOf(UUID.randomUUID())).isInstanceOf(Undeliverable.class);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
