package org.whistle.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.whistle.notification.NotificationProperties;

/**
 * The address checked is the address connected to: a name is resolved once, by the check, and a second answer (DNS
 * rebinding) is checked again rather than trusted.
 */
class CheckedConnectionTest {

    private static NotificationProperties properties(List<String> allowed) {
        return new NotificationProperties(
                3,
                Duration.ofHours(1),
                "http://localhost:8080/track/",
                Duration.ofMillis(500),
                Duration.ofMinutes(5),
                Duration.ofSeconds(10),
                8,
                null,
                null,
                new NotificationProperties.Client(null, null, null),
                new NotificationProperties.Webhooks(5, true, allowed),
                NotificationProperties.Provider.development(),
                NotificationProperties.Provider.development(),
                new NotificationProperties.Live(Duration.ofSeconds(15), Duration.ofMinutes(30), null, 10),
                Map.of());
    }

    @Test
    void refusesTheSecondAnswerOfANameThatRebindsToAPrivateAddress() throws Exception {
        var answers = new AtomicInteger();
        var targets = new WebhookTargets(properties(List.of()), host -> new InetAddress[] {
            InetAddress.getByAddress(
                    host,
                    answers.getAndIncrement() == 0
                            ? new byte[] {93, (byte) 184, (byte) 216, 34}
                            : new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254})
        });

        var first = targets.check("https://hooks.water-bureau.example/whistle");
        assertThat(first.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThatThrownBy(() -> targets.check("https://hooks.water-bureau.example/whistle"))
                .isInstanceOf(WebhookTargets.Refused.class)
                .hasMessage("已拒绝：目标地址不允许");
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsNotAllowed() {
        var targets = new WebhookTargets(properties(List.of()), host -> new InetAddress[] {
            InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}),
            InetAddress.getByAddress(host, new byte[] {10, 0, 0, 1})
        });

        assertThatThrownBy(() -> targets.check("https://mixed.example/whistle"))
                .isInstanceOf(WebhookTargets.Refused.class);
    }

    @Test
    void refusesPlainHttpUnlessTheLocalStackAllowsIt() throws Exception {
        var production = new WebhookTargets(
                new NotificationProperties(
                        3,
                        Duration.ofHours(1),
                        "",
                        Duration.ofMillis(500),
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(10),
                        8,
                        null,
                        null,
                        new NotificationProperties.Client(null, null, null),
                        new NotificationProperties.Webhooks(5, false, List.of()),
                        NotificationProperties.Provider.development(),
                        NotificationProperties.Provider.development(),
                        new NotificationProperties.Live(Duration.ofSeconds(15), Duration.ofMinutes(30), null, 10),
                        Map.of()),
                host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34})
                });

        assertThatThrownBy(() -> production.check("http://hooks.example/whistle"))
                .isInstanceOf(WebhookTargets.Refused.class)
                .hasMessage("须为 https 网址");
        assertThat(production.check("https://hooks.example/whistle").port()).isEqualTo(443);
    }

    @Test
    void connectsToTheCheckedAddressAndNamesTheHostOnlyInTheRequest() throws Exception {
        var host = new AtomicReference<String>();
        var receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            host.set(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        // A name no DNS knows: the request can only arrive if the connection goes to the address the check returned.
        var targets = new WebhookTargets(properties(List.of("127.0.0.1")), name ->
                new InetAddress[] {InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1})});
        var url = "http://receiver.whistle.invalid:" + receiver.getAddress().getPort() + "/hook";
        try (var http = new WebhookHttp()) {
            int status = http.post(targets.check(url), Map.of("X-Whistle-Event-Type", "whistle-routed"), "{}");

            assertThat(status).isEqualTo(204);
            assertThat(host.get())
                    .isEqualTo(
                            "receiver.whistle.invalid:" + receiver.getAddress().getPort());
        } finally {
            receiver.stop(0);
        }
    }
}
