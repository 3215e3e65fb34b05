package org.whistle.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.whistle.intake.evidence.Samples;
import org.whistle.intake.support.IntakeTest;
import org.whistle.texts.PlainText;

/**
 * The refusals of intake beyond a raise's fields (raising's {@code RefusalTextsTest} holds those): evidence files,
 * the leader who may not add handling photos, supports, own whistles, idempotency keys, Open311 keys and the Open311
 * façade's own errors. Each is plain Chinese by default and English when the caller prefers it (ADR 0043): no English
 * sentence from the throw site, no raw id repeated.
 */
class EvidenceAndOpen311RefusalTextsTest extends IntakeTest {

    private static final String ADMIN = staffToken("admin.texts", "ADMINISTRATOR", "230200");
    private static final String LEADER = staffToken("qq.leader.texts", "LEADER", "230200");
    private static final String OPEN311_KEY = "test-open311-key";

    /** A refusal asked for with the given headers (the language among them), and the status it must have. */
    private record Refusal(int status, Function<Consumer<HttpHeaders>, Response> ask) {}

    /** Refusals answered as problem details: the detail and each field's message are read. */
    private List<Refusal> problems() {
        var raised = postJson("/api/whistles", whistle("texts " + UUID.randomUUID()), device())
                .json()
                .get("id")
                .asString();
        var key = postJson("/api/open311/keys", Map.of("client", "texts " + UUID.randomUUID()), bearer(ADMIN))
                .json()
                .get("id")
                .asString();
        postJson("/api/open311/keys/" + key + "/revoke", "{}", bearer(ADMIN));
        var pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var jpeg = Samples.plainJpeg();
        var truncated = java.util.Arrays.copyOf(jpeg, jpeg.length / 2);
        var refusals = new ArrayList<Refusal>();
        refusals.add(new Refusal(
                422,
                language -> postMultipart("/api/whistles", raise("evidence", "a.pdf", pdf), and(device(), language))));
        refusals.add(new Refusal(
                422,
                language -> postMultipart(
                        "/api/whistles", raise("evidence", "a.jpg", new byte[0]), and(device(), language))));
        refusals.add(new Refusal(
                422,
                language -> postMultipart(
                        "/api/whistles", raise("evidence", "b.jpg", truncated), and(device(), language))));
        refusals.add(new Refusal(
                403,
                language -> postMultipart(
                        "/api/whistles/" + raised + "/handling-evidence",
                        new Parts().file("evidence", "p.jpg", jpeg, MediaType.IMAGE_JPEG),
                        and(bearer(LEADER), language))));
        refusals.add(new Refusal(
                422,
                language -> get(
                        "/api/whistles/nearby?lat=47.9&lng=123.5&category=MUNICIPAL-ROAD-DAMAGE&radius=0", language)));
        refusals.add(new Refusal(
                422,
                language -> get(
                        "/api/whistles/nearby?lat=47.9&lng=123.5&category=MUNICIPAL-ROAD-DAMAGE&crs=MARS", language)));
        refusals.add(new Refusal(
                422,
                language -> get("/api/whistles/nearby?lat=99&lng=123.5&category=MUNICIPAL-ROAD-DAMAGE", language)));
        refusals.add(new Refusal(
                422,
                language -> postJson(
                        "/api/whistles/" + raised + "/supports", Map.of("phone", "12345"), and(device(), language))));
        refusals.add(new Refusal(
                422, language -> postJson("/api/whistles/" + raised + "/supports", Map.of(), and(device(), language))));
        refusals.add(new Refusal(
                422,
                language -> postJson(
                        "/api/whistles",
                        whistle("texts " + UUID.randomUUID()),
                        and(device(), and(h -> h.set("Idempotency-Key", "has space"), language)))));
        var resident = residentToken("resident.texts");
        refusals.add(new Refusal(422, language -> get("/api/whistles/mine?limit=0", and(bearer(resident), language))));
        refusals.add(new Refusal(
                422, language -> get("/api/whistles/mine?after=nonsense", and(bearer(resident), language))));
        refusals.add(new Refusal(
                403, language -> get("/api/whistles/places?address=卜奎大街", and(bearer(resident), language))));
        refusals.add(new Refusal(
                422,
                language -> get(
                        "/api/whistles/places?address=%20&limit=0",
                        and(bearer(staffToken("qq.centre.texts", "CITY_DISPATCHER", "230200")), language))));
        refusals.add(new Refusal(404, language -> get("/api/whistles/" + UUID.randomUUID(), language)));
        refusals.add(new Refusal(
                422, language -> postJson("/api/open311/keys", Map.of("client", " "), and(bearer(ADMIN), language))));
        refusals.add(new Refusal(
                409, language -> postJson("/api/open311/keys/" + key + "/revoke", "{}", and(bearer(ADMIN), language))));
        refusals.add(new Refusal(
                404,
                language -> postJson(
                        "/api/open311/keys/" + UUID.randomUUID() + "/revoke", "{}", and(bearer(ADMIN), language))));
        return refusals;
    }

    /** Refusals of the Open311 façade, answered in the spec's error format: each description is read. */
    private List<Refusal> open311() {
        var refusals = new ArrayList<Refusal>();
        refusals.add(new Refusal(403, language -> submit(language, "api_key", "")));
        refusals.add(new Refusal(403, language -> submit(language, "api_key", "nope")));
        refusals.add(new Refusal(404, language -> submit(language, "service_code", "NO-SUCH")));
        refusals.add(new Refusal(400, language -> submit(language, "lat", "", "long", "")));
        refusals.add(new Refusal(400, language -> submit(language, "lat", "north")));
        refusals.add(new Refusal(
                404, language -> get("/open311/v2/services.json?jurisdiction_id=beijing.gov.cn", language)));
        refusals.add(
                new Refusal(404, language -> get("/open311/v2/requests/" + UUID.randomUUID() + ".json", language)));
        refusals.add(new Refusal(404, language -> get("/open311/v2/requests/not-an-id.json", language)));
        refusals.add(new Refusal(404, language -> get("/open311/v2/tokens/" + UUID.randomUUID() + ".json", language)));
        refusals.add(new Refusal(400, language -> get("/open311/v2/requests.json?status=sideways", language)));
        refusals.add(new Refusal(400, language -> get("/open311/v2/requests.json?page=0", language)));
        refusals.add(new Refusal(400, language -> get("/open311/v2/requests.json?page=two", language)));
        return refusals;
    }

    @Test
    void refusesInPlainChineseByDefault() {
        for (var language : new String[] {null, "zh-CN,zh;q=0.9"}) {
            for (var refusal : problems()) {
                var refused = refusal.ask().apply(language(language));
                assertThat(refused.status()).as(refused.body()).isEqualTo(refusal.status());
                for (var text : problemTexts(refused)) {
                    assertThat(text).as(refused.body()).containsPattern("\\p{IsHan}");
                    assertThat(PlainText.offences(text)).as(refused.body()).isEmpty();
                }
            }
            for (var refusal : open311()) {
                var refused = refusal.ask().apply(language(language));
                assertThat(refused.status()).as(refused.body()).isEqualTo(refusal.status());
                var text = refused.json().at("/0/description").asString();
                assertThat(text).as(refused.body()).containsPattern("\\p{IsHan}");
                assertThat(PlainText.offences(text)).as(refused.body()).isEmpty();
            }
        }
    }

    @Test
    void refusesInEnglishWhenTheCallerPrefersIt() {
        var english = language("en-GB,en;q=0.9,zh-CN;q=0.5");
        for (var refusal : problems()) {
            var refused = refusal.ask().apply(english);
            assertThat(refused.status()).as(refused.body()).isEqualTo(refusal.status());
            for (var text : problemTexts(refused)) {
                assertThat(text).as(refused.body()).doesNotContainPattern("\\p{IsHan}");
                assertThat(PlainText.offences(text)).as(refused.body()).isEmpty();
            }
        }
        for (var refusal : open311()) {
            var refused = refusal.ask().apply(english);
            assertThat(refused.status()).as(refused.body()).isEqualTo(refusal.status());
            var text = refused.json().at("/0/description").asString();
            assertThat(text).as(refused.body()).doesNotContainPattern("\\p{IsHan}");
            assertThat(PlainText.offences(text)).as(refused.body()).isEmpty();
        }
    }

    /** A date refused keeps its example as the API parses it (ADR 0043), in the caller's language around it. */
    @Test
    void showsTheDateFormatByExampleInTheCallersLanguage() {
        var chinese = get("/open311/v2/requests.json?start_date=yesterday")
                .json()
                .at("/0/description")
                .asString();
        var english = get("/open311/v2/requests.json?start_date=yesterday", language("en-GB,en;q=0.9"))
                .json()
                .at("/0/description")
                .asString();

        assertThat(chinese)
                .contains("start_date")
                .contains("2026-01-15T09:30:00+08:00")
                .containsPattern("\\p{IsHan}");
        assertThat(english)
                .contains("start_date")
                .contains("2026-01-15T09:30:00+08:00")
                .doesNotContainPattern("\\p{IsHan}");
    }

    private Response submit(Consumer<HttpHeaders> language, String... changed) {
        var form = form(
                "api_key",
                OPEN311_KEY,
                "service_code",
                "MUNICIPAL-ROAD-DAMAGE",
                "lat",
                "47.9218",
                "long",
                "123.5046",
                "description",
                "Open311 texts " + UUID.randomUUID(),
                "device_id",
                "texts-" + UUID.randomUUID());
        for (int i = 0; i < changed.length; i += 2) {
            form.set(changed[i], changed[i + 1]);
        }
        return postForm("/open311/v2/requests.json?jurisdiction_id=qiqihar.gov.cn", form, language);
    }

    private static Parts raise(String part, String name, byte[] file) {
        return new Parts()
                .json("whistle", whistle("texts " + UUID.randomUUID()))
                .file(part, name, file, MediaType.APPLICATION_OCTET_STREAM);
    }

    private static Consumer<HttpHeaders> language(String language) {
        return headers -> {
            if (language != null) {
                headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
            }
        };
    }

    private static Consumer<HttpHeaders> and(Consumer<HttpHeaders> first, Consumer<HttpHeaders> then) {
        return first.andThen(then);
    }

    /** The detail and every field's message. */
    private static List<String> problemTexts(Response refused) {
        var texts = new ArrayList<String>();
        texts.add(refused.json().get("detail").asString());
        var errors = refused.json().get("errors");
        if (errors != null) {
            errors.forEach(error -> texts.add(error.get("message").asString()));
        }
        return texts;
    }
}
