package org.whistle.notification.textmessages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.delivery.Undeliverable;

/** A unit's duty phone from org-registry's internal endpoint, asked with this service's client-credentials token. */
class UnitDutyContactsTest {

    private HttpServer server;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> traceparent = new AtomicReference<>();
    private final TracedClients traced = new TracedClients();

    @BeforeEach
    void orgRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            exchange.getRequestBody().readAllBytes();
            answer(exchange, 200, "{\"access_token\":\"service-token\",\"expires_in\":3600}");
        });
        server.createContext("/internal/units/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            traceparent.set(exchange.getRequestHeaders().getFirst("traceparent"));
            switch (exchange.getRequestURI().getPath()) {
                case "/internal/units/DEP-WATER/duty-contact" ->
                    answer(exchange, 200, "{\"dutyName\":\"黄继业\",\"dutyPhone\":\"13900000002\"}");
                case "/internal/units/DEP-DOWN/duty-contact" -> answer(exchange, 503, "");
                default -> answer(exchange, 404, "");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        traced.close();
    }

    private UnitDutyContacts contacts(URI orgRegistry) {
        var base = "http://127.0.0.1:" + server.getAddress().getPort();
        return new UnitDutyContacts(
                orgRegistry,
                new ServiceTokens(
                        new NotificationProperties.Client(
                                URI.create(base + "/oauth2/token"), "notification-service", "secret"),
                        Clock.systemUTC()),
                traced.builder());
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void asksOrgRegistryForTheUnitsDutyPhone() throws Exception {
        assertThat(contacts(base()).phoneOf("DEP-WATER")).isEqualTo("13900000002");
        assertThat(authorization.get()).isEqualTo("Bearer service-token");
    }

    @Test
    void theCallCarriesTheTraceOfTheDeliveryBeingMade() throws Exception {
        var delivery = traced.within(() -> contacts(base()).phoneOf("DEP-WATER"));

        assertThat(traceparent.get())
                .as("org-registry's span continues the delivery's trace (ADR 0054)")
                .isNotNull()
                .startsWith("00-" + delivery.context().traceId() + "-");
    }

    @Test
    void aUnitWithoutADutyPhoneCannotBeTextedAndAnUnavailableRegistryIsAskedAgain() {
        assertThatThrownBy(() -> contacts(base()).phoneOf("DEP-NONE"))
                .isInstanceOf(Undeliverable.class)
                .hasMessage("机构名录中该单位没有值班电话");
        assertThatThrownBy(() -> contacts(base()).phoneOf("DEP-DOWN")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> contacts(null).phoneOf("DEP-WATER"))
                .isInstanceOf(Undeliverable.class)
                .hasMessageContaining("whistle.notification.org-registry-uri");
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
