package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleRouted;

/**
 * Webhooks go only where they may: URLs are checked when registered and again at every delivery, the log keeps the
 * status code or our own words, never what the other side answered, and the secret is shown once.
 */
class WebhookTargetsTest extends NotificationServiceTest {

    private static final String UNIT = "DEP-TARGETS";
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer receiver;

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private String receiver(int status, String answer) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            var body = answer.getBytes(StandardCharsets.UTF_8);
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/redirected");
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static String officer() {
        return token("officer-targets", List.of("DEPARTMENT_OFFICER"), List.of("D"), UNIT);
    }

    private String subscribe(String url) throws Exception {
        var response = post(
                "/api/notifications/webhooks",
                officer(),
                "{\"name\":\"燃气系统\",\"url\":\"" + url + "\",\"eventTypes\":[\"whistle-routed\"]}");
        assertStatus(response, 201);
        return json(response).get("id").asString();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.2/hook",
                "http://10.0.0.8/hook",
                "http://169.254.169.254/latest/meta-data/",
                "http://[fd00:ec2::254]/",
                "http://[::ffff:127.0.0.2]/hook",
                "http://[::1]/hook",
                "http://0x7f.0.0.2/hook",
                "http://2130706434/hook",
                "http://017700000002/hook",
                "http://100.64.1.1/hook",
                "http://198.18.0.1/hook",
                "http://0.0.0.0/hook",
                "http://224.0.0.1/hook"
            })
    void refusesToRegisterAUrlWhoseHostIsNotAPublicAddress(String url) throws Exception {
        var refused = post("/api/notifications/webhooks", officer(), "{\"url\":\"" + url + "\"}");

        assertStatus(refused, 422);
        assertThat(refused.body()).contains("url");
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_subscription WHERE url = :url")
                        .param("url", url)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesUrlsWithUserInfoOrOtherSchemes() throws Exception {
        for (var url :
                List.of("ftp://hooks.example.org/x", "file:///etc/passwd", "http://user:pw@127.0.0.1/x", "hook")) {
            assertStatus(post("/api/notifications/webhooks", officer(), "{\"url\":\"" + url + "\"}"), 422);
        }
    }

    @Test
    void checksTheAddressAgainAtDeliveryAndSaysOnlyThatItWasRefused() throws Exception {
        var id = subscribe(receiver(200, ""));
        // The host now answers with an address that is not allowed (as a changed DNS answer would).
        jdbc.sql("UPDATE webhook_subscription SET url = :url WHERE id = :id")
                .param("url", "http://127.0.0.2:" + receiver.getAddress().getPort() + "/hook")
                .param("id", java.util.UUID.fromString(id))
                .update();
        var whistle = raise(userReporter("resident-rebind"));
        var summoned = routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED, List.of(UNIT), "GAS");
        publish(summoned);

        await().atMost(PATIENCE)
                .until(
                        () -> deliveries(summoned).stream()
                                .filter(each -> each.channel().equals("WEBHOOK"))
                                .findFirst(),
                        found -> found.isPresent() && found.get().status().equals("FAILED"));
        assertThat(detailOf(summoned.id().toString())).isEqualTo("已拒绝：目标地址不允许");
        assertThat(calls.get()).isZero();
        unsubscribe(id);
    }

    @Test
    void recordsTheStatusCodeButNeverTheBodyOfTheAnswerAndFollowsNoRedirect() throws Exception {
        var id = subscribe(receiver(302, "internal: db password is hunter2"));
        var whistle = raise(userReporter("resident-redirect"));
        var summoned = routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED, List.of(UNIT), "GAS");
        publish(summoned);

        await().atMost(PATIENCE)
                .until(() -> deliveries(summoned).stream()
                        .anyMatch(each -> each.channel().equals("WEBHOOK")
                                && each.status().equals("FAILED")));
        assertThat(detailOf(summoned.id().toString())).isEqualTo("HTTP 302");
        assertThat(attemptDetails(summoned.id().toString()))
                .allSatisfy(detail -> assertThat(detail).doesNotContain("hunter2"));
        assertThat(calls.get()).isEqualTo(1);
        unsubscribe(id);
    }

    @Test
    void saysInItsOwnWordsThatTheReceiverCouldNotBeReached() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var id = subscribe("http://127.0.0.1:" + closed + "/hook");
        var whistle = raise(userReporter("resident-closed"));
        var summoned = routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED, List.of(UNIT), "GAS");
        publish(summoned);

        await().atMost(PATIENCE)
                .until(() -> deliveries(summoned).stream()
                        .anyMatch(each -> each.channel().equals("WEBHOOK")
                                && each.status().equals("FAILED")));
        assertThat(attemptDetails(summoned.id().toString()))
                .isNotEmpty()
                .allSatisfy(detail -> assertThat(detail).endsWith("无法连接接收方"));
        unsubscribe(id);
    }

    @Test
    void showsTheSecretOnceWhenCreatedAndOnceWhenRotated() throws Exception {
        var created = post(
                "/api/notifications/webhooks",
                officer(),
                "{\"url\":\"" + receiver(200, "") + "\",\"secret\":\"a-secret-of-sixteen-or-more\"}");
        assertStatus(created, 201);
        var id = json(created).get("id").asString();
        assertThat(json(created).get("secret").get("value").asString()).isEqualTo("a-secret-of-sixteen-or-more");
        assertThat(json(created).get("secret").get("set").asBoolean()).isTrue();

        var listed = get("/api/notifications/webhooks", officer());
        assertStatus(listed, 200);
        assertThat(listed.body()).doesNotContain("a-secret-of-sixteen-or-more").contains("\"set\":true");
        assertThat(json(listed).get(0).get("secret").has("rotatedAt")).isTrue();
        assertThat(json(listed).get(0).get("secret").has("value")).isFalse();
        var admin = get("/api/notifications/webhooks", administrator());
        assertThat(admin.body()).doesNotContain("a-secret-of-sixteen-or-more");

        var rotated = post("/api/notifications/webhooks/" + id + "/secret", officer(), "{}");
        assertStatus(rotated, 200);
        var fresh = json(rotated).get("secret").get("value").asString();
        assertThat(fresh).hasSize(64).isNotEqualTo("a-secret-of-sixteen-or-more");
        assertThat(get("/api/notifications/webhooks", officer()).body()).doesNotContain(fresh);
        var enabled = post("/api/notifications/webhooks/" + id + "/enable", officer(), "");
        assertThat(enabled.body()).doesNotContain(fresh);
        var stranger = token("officer-other", List.of("DEPARTMENT_OFFICER"), List.of("D"), DEPARTMENT);
        assertStatus(post("/api/notifications/webhooks/" + id + "/secret", stranger, "{}"), 403);
        unsubscribe(id);
    }

    @Test
    void boundsEveryTextFieldAndRefusesDirectionOverridesInNames() throws Exception {
        var hook = receiver(200, "");
        var longUrl = hook + "?" + "a".repeat(2_001);
        assertStatus(post("/api/notifications/webhooks", officer(), "{\"url\":\"" + longUrl + "\"}"), 422);
        var longName = post(
                "/api/notifications/webhooks",
                officer(),
                "{\"url\":\"" + hook + "\",\"name\":\"" + "名".repeat(101) + "\"}");
        assertStatus(longName, 422);
        assertThat(json(longName).toString()).contains("name");
        var bidi = post(
                "/api/notifications/webhooks", officer(), "{\"url\":\"" + hook + "\",\"name\":\"gas\\u202Etxt.exe\"}");
        assertStatus(bidi, 422);
        assertThat(json(bidi).toString()).contains("name");
        assertStatus(
                post(
                        "/api/notifications/webhooks",
                        officer(),
                        "{\"url\":\"" + hook + "\",\"secret\":\"" + "s".repeat(201) + "\"}"),
                422);
        assertStatus(
                post(
                        "/api/notifications/webhooks",
                        officer(),
                        "{\"url\":\"" + hook + "\",\"eventTypes\":[\"" + "t".repeat(65) + "\"]}"),
                422);
        var rule = post(
                "/api/notifications/rules",
                administrator(),
                "{\"eventType\":\"whistle-routed\",\"selector\":\"OWNING_CENTRE\",\"channels\":[\"INBOX\"],"
                        + "\"description\":\"" + "d".repeat(501) + "\"}");
        assertStatus(rule, 422);
        assertThat(json(rule).toString()).contains("description");
        var dispatcher = token("dispatcher-d-bounds", List.of("DISTRICT_DISPATCHER"), List.of("D"), DISTRICT_CENTRE);
        var area = post("/api/notifications/area-subscriptions", dispatcher, "{\"areaId\":\"" + "S".repeat(65) + "\"}");
        assertStatus(area, 422);
        assertThat(json(area).toString()).contains("areaId");
    }

    private String detailOf(String eventId) {
        return jdbc.sql("SELECT detail FROM delivery WHERE event_id = :e AND channel = 'WEBHOOK'")
                .param("e", java.util.UUID.fromString(eventId))
                .query(String.class)
                .single();
    }

    private List<String> attemptDetails(String eventId) {
        return jdbc.sql("""
                        SELECT a.detail FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id
                        WHERE d.event_id = :e AND d.channel = 'WEBHOOK' ORDER BY a.attempt
                        """)
                .param("e", java.util.UUID.fromString(eventId))
                .query(String.class)
                .list();
    }

    private void unsubscribe(String id) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(uri("/api/notifications/webhooks/" + id))
                .header("Authorization", "Bearer " + officer())
                .DELETE()
                .build();
        java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
    }
}
