package org.whistle.notification;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.whistle.testing.service.RefusalTexts;

/**
 * Every refusal of notification-service a person reads — bad webhooks, rules and area subscriptions, 403 reasons, pages
 * and things not found — is plain Chinese by default and English when the caller asks for it (ADR 0043): no English
 * sentence written at the throw site, no raw id in the text.
 */
class RefusalTextsTest extends NotificationServiceTest {

    private static final String SECRET = "a-secret-of-the-water-bureau";

    private final String waterOfficer = token("officer-water", List.of("DEPARTMENT_OFFICER"), List.of("D"), DEPARTMENT);
    private final String gasOfficer = token("officer-gas", List.of("DEPARTMENT_OFFICER"), List.of("D"), "DEP-GAS");
    private final String streetDispatcher =
            token("dispatcher-s1", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);

    private @Nullable String waterHook;

    /** A subscription of the water bureau that nothing is delivered to (no event has this type). */
    @BeforeEach
    void waterBureausSubscription() throws Exception {
        var created = post(
                "/api/notifications/webhooks",
                waterOfficer,
                "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"" + SECRET + "\",\"eventTypes\":[\"never-sent\"]}");
        assertStatus(created, 201);
        waterHook = json(created).get("id").asString();
    }

    @AfterEach
    void removeIt() throws Exception {
        if (waterHook != null) {
            call("DELETE", "/api/notifications/webhooks/" + waterHook, waterOfficer, null)
                    .in(null);
        }
    }

    private RefusalTexts refusals() {
        var hooks = "/api/notifications/webhooks";
        var refusals = new RefusalTexts();
        refusals.refuses(422, call("POST", hooks, waterOfficer, "{\"url\":\" \"}"));
        refusals.refuses(422, call("POST", hooks, waterOfficer, "{\"url\":\"ftp://x\"}"));
        refusals.refuses(422, call("POST", hooks, waterOfficer, "{\"url\":\"https://10.0.0.1/hook\"}"));
        refusals.refuses(422, call("POST", hooks, waterOfficer, "{\"url\":\"https://u:p@x/hook\"}"));
        refusals.refuses(
                422, call("POST", hooks, waterOfficer, "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"short\"}"));
        refusals.refuses(
                422,
                call(
                        "POST",
                        hooks,
                        waterOfficer,
                        "{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[" + "\"a\",".repeat(21) + "\"a\"]}"));
        refusals.refuses(422, call("POST", hooks, administrator(), "{\"url\":\"https://x/hook\"}"));
        refusals.refuses(403, call("POST", hooks + "/" + waterHook + "/enable", gasOfficer, null));
        refusals.refuses(404, call("POST", hooks + "/" + UUID.randomUUID() + "/enable", gasOfficer, null));
        refusals.refuses(422, call("GET", hooks + "/" + waterHook + "/deliveries?size=0", waterOfficer, null));

        var rules = "/api/notifications/rules";
        refusals.refuses(422, call("POST", rules, administrator(), "{}"));
        refusals.refuses(422, call("POST", rules, administrator(), "{\"eventType\":\"whistle-raised\"}"));
        refusals.refuses(
                422,
                call(
                        "POST",
                        rules,
                        administrator(),
                        "{\"eventType\":\"whistle-raised\",\"selector\":\"REPORTER\",\"channels\":[]}"));
        refusals.refuses(
                404,
                call(
                        "PUT",
                        rules + "/987654321",
                        administrator(),
                        "{\"eventType\":\"whistle-raised\",\"selector\":\"REPORTER\",\"channels\":[\"INBOX\"]}"));

        var areas = "/api/notifications/area-subscriptions";
        refusals.refuses(403, call("POST", areas, waterOfficer, "{\"areaId\":\"S1\"}"));
        refusals.refuses(422, call("POST", areas, streetDispatcher, "{\"areaId\":\" \"}"));
        refusals.refuses(403, call("POST", areas, streetDispatcher, "{\"areaId\":\"S2\"}"));
        refusals.refuses(404, call("DELETE", areas + "/987654321", streetDispatcher, null));

        refusals.refuses(
                403, call("GET", "/api/notifications/stream/centres/" + OTHER_STREET_CENTRE, streetDispatcher, null));
        refusals.refuses(
                403, call("GET", "/api/notifications/deliveries?whistleId=" + UUID.randomUUID(), waterOfficer, null));
        refusals.refuses(422, call("GET", "/api/notifications/inbox?size=0", waterOfficer, null));
        refusals.refuses(404, call("POST", "/api/notifications/inbox/987654321/read", waterOfficer, null));
        return refusals;
    }

    @Test
    void refusesInPlainChineseByDefault() throws Exception {
        refusals().inPlainChineseByDefault();
    }

    @Test
    void refusesInEnglishWhenTheCallerPrefersIt() throws Exception {
        refusals().inEnglishWhenTheCallerPrefersIt();
    }

    private RefusalTexts.Request call(String method, String path, String token, @Nullable String json) {
        return RefusalTexts.call(uri(path), method, token, json);
    }
}
