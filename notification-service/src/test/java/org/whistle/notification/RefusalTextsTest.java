package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.whistle.texts.PlainText;
import tools.jackson.databind.JsonNode;

/**
 * Every refusal of notification-service a person reads — bad webhooks, rules and area subscriptions, 403 reasons, pages
 * and things not found — is plain Chinese by default and English when the caller asks for it (ADR 0043): no English
 * sentence written at the throw site, no raw id in the text.
 */
class RefusalTextsTest extends NotificationServiceTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String SECRET = "a-secret-of-the-water-bureau";

    private final String waterOfficer = token("officer-water", List.of("DEPARTMENT_OFFICER"), List.of("D"), DEPARTMENT);
    private final String gasOfficer = token("officer-gas", List.of("DEPARTMENT_OFFICER"), List.of("D"), "DEP-GAS");
    private final String streetDispatcher =
            token("dispatcher-s1", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);

    private @Nullable String waterHook;

    /** A subscription of the water bureau that nothing is delivered to (no event has this type). */
    @BeforeEach
    void waterBureausSubscription() throws Exception {
        var created = send(
                "POST",
                "/api/notifications/webhooks",
                waterOfficer,
                "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"" + SECRET + "\",\"eventTypes\":[\"never-sent\"]}",
                null);
        assertStatus(created, 201);
        waterHook = json(created).get("id").asString();
    }

    @AfterEach
    void removeIt() throws Exception {
        if (waterHook != null) {
            send("DELETE", "/api/notifications/webhooks/" + waterHook, waterOfficer, null, null);
        }
    }

    /** Each refusal, asked for in a language, with the status it must have. */
    private interface Refusal {
        HttpResponse<String> in(@Nullable String language) throws Exception;
    }

    private List<Map.Entry<Integer, Refusal>> refusals() {
        var hooks = "/api/notifications/webhooks";
        var refusals = new ArrayList<Map.Entry<Integer, Refusal>>();
        refusals.add(Map.entry(422, language -> send("POST", hooks, waterOfficer, "{\"url\":\" \"}", language)));
        refusals.add(Map.entry(422, language -> send("POST", hooks, waterOfficer, "{\"url\":\"ftp://x\"}", language)));
        refusals.add(Map.entry(
                422, language -> send("POST", hooks, waterOfficer, "{\"url\":\"https://10.0.0.1/hook\"}", language)));
        refusals.add(Map.entry(
                422, language -> send("POST", hooks, waterOfficer, "{\"url\":\"https://u:p@x/hook\"}", language)));
        refusals.add(Map.entry(
                422,
                language -> send(
                        "POST",
                        hooks,
                        waterOfficer,
                        "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"short\"}",
                        language)));
        refusals.add(Map.entry(
                422,
                language -> send(
                        "POST",
                        hooks,
                        waterOfficer,
                        "{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[" + "\"a\",".repeat(21) + "\"a\"]}",
                        language)));
        refusals.add(Map.entry(
                422, language -> send("POST", hooks, administrator(), "{\"url\":\"https://x/hook\"}", language)));
        refusals.add(Map.entry(
                403, language -> send("POST", hooks + "/" + waterHook + "/enable", gasOfficer, null, language)));
        refusals.add(Map.entry(
                404,
                language -> send("POST", hooks + "/" + UUID.randomUUID() + "/enable", gasOfficer, null, language)));
        refusals.add(Map.entry(
                422,
                language -> send("GET", hooks + "/" + waterHook + "/deliveries?size=0", waterOfficer, null, language)));

        var rules = "/api/notifications/rules";
        refusals.add(Map.entry(422, language -> send("POST", rules, administrator(), "{}", language)));
        refusals.add(Map.entry(
                422, language -> send("POST", rules, administrator(), "{\"eventType\":\"whistle-raised\"}", language)));
        refusals.add(Map.entry(
                422,
                language -> send(
                        "POST",
                        rules,
                        administrator(),
                        "{\"eventType\":\"whistle-raised\",\"selector\":\"REPORTER\",\"channels\":[]}",
                        language)));
        refusals.add(Map.entry(
                404,
                language -> send(
                        "PUT",
                        rules + "/987654321",
                        administrator(),
                        "{\"eventType\":\"whistle-raised\",\"selector\":\"REPORTER\",\"channels\":[\"INBOX\"]}",
                        language)));

        var areas = "/api/notifications/area-subscriptions";
        refusals.add(Map.entry(403, language -> send("POST", areas, waterOfficer, "{\"areaId\":\"S1\"}", language)));
        refusals.add(Map.entry(422, language -> send("POST", areas, streetDispatcher, "{\"areaId\":\" \"}", language)));
        refusals.add(
                Map.entry(403, language -> send("POST", areas, streetDispatcher, "{\"areaId\":\"S2\"}", language)));
        refusals.add(
                Map.entry(404, language -> send("DELETE", areas + "/987654321", streetDispatcher, null, language)));

        refusals.add(Map.entry(
                403,
                language -> send(
                        "GET",
                        "/api/notifications/stream/centres/" + OTHER_STREET_CENTRE,
                        streetDispatcher,
                        null,
                        language)));
        refusals.add(Map.entry(
                403,
                language -> send(
                        "GET",
                        "/api/notifications/deliveries?whistleId=" + UUID.randomUUID(),
                        waterOfficer,
                        null,
                        language)));
        refusals.add(Map.entry(
                422, language -> send("GET", "/api/notifications/inbox?size=0", waterOfficer, null, language)));
        refusals.add(Map.entry(
                404,
                language -> send("POST", "/api/notifications/inbox/987654321/read", waterOfficer, null, language)));
        return refusals;
    }

    @Test
    void refusesInPlainChineseByDefault() throws Exception {
        for (var language : new String[] {null, "zh-CN,zh;q=0.9"}) {
            for (var refusal : refusals()) {
                var refused = refusal.getValue().in(language);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(refusal.getKey());
                for (var text : texts(refused)) {
                    assertThat(text).as(refused.body()).containsPattern("\\p{IsHan}");
                    assertThat(PlainText.offences(text)).as(refused.body()).isEmpty();
                }
            }
        }
    }

    @Test
    void refusesInEnglishWhenTheCallerPrefersIt() throws Exception {
        for (var refusal : refusals()) {
            var refused = refusal.getValue().in("en-GB,en;q=0.9,zh-CN;q=0.5");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(refusal.getKey());
            for (var text : texts(refused)) {
                assertThat(text).as(refused.body()).doesNotContainPattern("\\p{IsHan}");
                assertThat(PlainText.offences(text)).as(refused.body()).isEmpty();
            }
        }
    }

    /** The detail and every field's message. */
    private List<String> texts(HttpResponse<String> refused) {
        JsonNode body = json(refused);
        var texts = new ArrayList<String>();
        texts.add(body.get("detail").asString());
        var errors = body.get("errors");
        if (errors != null) {
            errors.forEach(error -> texts.add(error.get("message").asString()));
        }
        return texts;
    }

    private HttpResponse<String> send(
            String method, String path, String token, @Nullable String json, @Nullable String language)
            throws Exception {
        var request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
