package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleRouted;

/**
 * Department systems receive signed envelopes over a real local HTTP receiver that knows only the documented
 * algorithm: HMAC-SHA256 over "timestamp.body" with the shared secret, hex, prefixed "sha256=".
 */
class WebhooksTest extends NotificationServiceTest {

    private static final String SECRET = "a-shared-secret-of-the-water-bureau";

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer receiver;

    record Received(String body, String timestamp, String signature, String eventId, boolean verified) {}

    /** Starts a receiver answering the first {@code failures} calls with 503, then 200. */
    private String receiver(int failures) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var timestamp = exchange.getRequestHeaders().getFirst("X-Whistle-Timestamp");
            var signature = exchange.getRequestHeaders().getFirst("X-Whistle-Signature");
            var eventId = exchange.getRequestHeaders().getFirst("X-Whistle-Event-Id");
            received.add(new Received(body, timestamp, signature, eventId, verify(timestamp, signature, body)));
            int status = calls.incrementAndGet() <= failures ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    /** The receiver's side of the README's algorithm, written without the service's code. */
    private static boolean verify(String timestamp, String signature, String body) {
        try {
            long seconds = Long.parseLong(timestamp);
            if (Math.abs(Instant.now().getEpochSecond() - seconds) > 300) {
                return false;
            }
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var expected = "sha256="
                    + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return false;
        }
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private String subscribe(String unit, String url) throws Exception {
        return subscribe(unit, url, "whistle-routed");
    }

    private String subscribe(String unit, String url, String eventType) throws Exception {
        var officer = token("officer-" + unit, List.of("DEPARTMENT_OFFICER"), List.of("D"), unit);
        var response = post(
                "/api/notifications/webhooks",
                officer,
                "{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\",\"eventTypes\":[\"" + eventType + "\"]}");
        assertStatus(response, 201);
        return json(response).get("id").asString();
    }

    private void unsubscribe(String unit, String id) throws Exception {
        var officer = token("officer-" + unit, List.of("DEPARTMENT_OFFICER"), List.of("D"), unit);
        var request = java.net.http.HttpRequest.newBuilder(uri("/api/notifications/webhooks/" + id))
                .header("Authorization", "Bearer " + officer)
                .DELETE()
                .build();
        java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void aUnitsSystemHearsAHandIssuedOrderOnceThoughItsLeaderAndDutyOfficersAreBothTold() throws Exception {
        var id = subscribe(DEPARTMENT, receiver(0), "whistle-supervised");
        try {
            var whistle = raise(userReporter("resident-hook-supervised"));
            var order = envelope(new org.whistle.events.WhistleSupervised(
                    whistle.id(),
                    whistle.ticket(),
                    "T-1",
                    org.whistle.events.WhistleSupervised.Kind.ORDER,
                    1,
                    DEPARTMENT,
                    org.whistle.events.CommandLevel.STREET,
                    STREET_CENTRE,
                    org.whistle.events.CommandLevel.DISTRICT,
                    "尽快处置",
                    clock.instant().plusSeconds(3600),
                    new org.whistle.events.Actor("district-dispatcher-1", DISTRICT_CENTRE, "DISTRICT_DISPATCHER"),
                    clock.instant(),
                    null));
            publish(order);

            var rows = settledDeliveries(order);
            assertThat(rows).filteredOn(row -> row.channel().equals("INBOX")).hasSize(2);
            assertThat(rows)
                    .filteredOn(row -> row.channel().equals("WEBHOOK"))
                    .singleElement()
                    .satisfies(row -> assertThat(row.leader()).isFalse());
            await().atMost(PATIENCE).until(() -> !received.isEmpty());
            assertThat(received)
                    .extracting(Received::eventId)
                    .containsExactly(order.id().toString());
        } finally {
            unsubscribe(DEPARTMENT, id);
        }
    }

    @Test
    void signsTheEnvelopeSoThatTheReceiverVerifiesItWithTheDocumentedAlgorithm() throws Exception {
        var id = subscribe(DEPARTMENT, receiver(0));
        var whistle = raise(userReporter("resident-hook"));
        var summoned = routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED);
        publish(summoned);

        await().atMost(PATIENCE).until(() -> !received.isEmpty());
        var delivery = received.getFirst();
        assertThat(delivery.verified()).isTrue();
        assertThat(delivery.eventId()).isEqualTo(summoned.id().toString());
        assertThat(delivery.body())
                .contains("\"id\":\"" + summoned.id() + "\"")
                .contains("\"type\":\"whistle-routed\"");
        assertThat(verify(delivery.timestamp(), delivery.signature(), delivery.body() + " "))
                .isFalse();
        unsubscribe(DEPARTMENT, id);
    }

    @Test
    void retriesAFailingReceiverWithBackoffUntilItAnswers() throws Exception {
        var id = subscribe(DEPARTMENT, receiver(2));
        var whistle = raise(userReporter("resident-retry"));
        var summoned = routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED);
        publish(summoned);

        var webhook = await().atMost(PATIENCE)
                .until(
                        () -> deliveries(summoned).stream()
                                .filter(row -> row.channel().equals("WEBHOOK"))
                                .findFirst(),
                        row -> row.isPresent() && row.get().status().equals("SENT"));
        assertThat(webhook).isPresent();
        assertThat(calls.get()).isEqualTo(3);
        assertThat(received).allMatch(Received::verified);
        var attempts =
                jdbc.sql("""
                        SELECT a.outcome FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id
                        WHERE d.event_id = :e AND d.channel = 'WEBHOOK' ORDER BY a.attempt
                        """).param("e", summoned.id()).query(String.class).list();
        assertThat(attempts).containsExactly("FAILED", "FAILED", "OK");
        unsubscribe(DEPARTMENT, id);
    }

    @Test
    void disablesASubscriptionThatKeepsFailingAndAlertsAdministrators() throws Exception {
        var unit = "DEP-GAS";
        var id = subscribe(unit, receiver(Integer.MAX_VALUE));
        var whistle = raise(userReporter("resident-failing"));

        for (int i = 0; i < 2; i++) {
            var summoned = routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED, List.of(unit), "GAS");
            publish(summoned);
            await().atMost(PATIENCE)
                    .until(() -> deliveries(summoned).stream()
                            .anyMatch(row -> row.channel().equals("WEBHOOK")
                                    && row.status().equals("FAILED")));
        }

        var officer = token("officer-gas", List.of("DEPARTMENT_OFFICER"), List.of("D"), unit);
        await().atMost(PATIENCE).untilAsserted(() -> {
            var subscriptions = json(get("/api/notifications/webhooks", officer));
            assertThat(subscriptions.get(0).get("active").asBoolean()).isFalse();
            assertThat(subscriptions.get(0).get("disabledReason").asString()).contains("HTTP 503");
        });
        var alerts = json(get("/api/notifications/inbox", administrator())).get("items");
        assertThat(alerts.valueStream().map(item -> item.get("title").asString()))
                .anyMatch(title -> title.equals("Webhook of " + unit + " disabled"));
        assertThat(calls.get()).isEqualTo(6);

        var history = get("/api/notifications/webhooks/" + id + "/deliveries", officer);
        assertStatus(history, 200);
        assertThat(json(history)
                        .get("items")
                        .valueStream()
                        .map(entry -> entry.get("status").asString()))
                .containsExactly("FAILED", "FAILED");
        var firstPage = json(get("/api/notifications/webhooks/" + id + "/deliveries?size=1", officer));
        assertThat(firstPage.get("items").size()).isEqualTo(1);
        var secondPage = json(get(firstPage.get("next").asString(), officer));
        assertThat(secondPage.get("items").size()).isEqualTo(1);
        assertThat(secondPage.get("items").get(0).get("id").asLong())
                .isLessThan(firstPage.get("items").get(0).get("id").asLong());
        assertThat(secondPage.path("next").isString()).isFalse();
        var otherUnit = token("officer-water", List.of("DEPARTMENT_OFFICER"), List.of("D"), DEPARTMENT);
        assertStatus(get("/api/notifications/webhooks/" + id + "/deliveries", otherUnit), 403);
    }
}
