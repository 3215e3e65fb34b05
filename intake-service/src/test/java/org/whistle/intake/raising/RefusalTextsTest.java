package org.whistle.intake.raising;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.whistle.intake.support.IntakeTest;
import org.whistle.texts.PlainText;

/**
 * Every refusal of a raise a person can read — the detail and each field's message — is plain Chinese when the caller
 * asks for Chinese (or for nothing) and English when it asks for English (ADR 0043): no code, enum or English
 * sentence written at the throw site.
 */
class RefusalTextsTest extends IntakeTest {

    /** Bodies that break every rule of a raise intake checks, one request each. */
    private static List<Map<String, Object>> badRaises() {
        var bodies = new java.util.ArrayList<Map<String, Object>>();
        bodies.add(with("channel", "CARRIER-PIGEON"));
        bodies.add(with("channel", ""));
        bodies.add(with("channel", "OPEN311"));
        bodies.add(with("channel", "APP"));
        bodies.add(with("channel", "PATROL"));
        bodies.add(with("channel", "HOTLINE"));
        bodies.add(with("category", ""));
        bodies.add(with("category", "NO-SUCH-CATEGORY"));
        bodies.add(with("category", "X".repeat(500)));
        bodies.add(with("description", " "));
        bodies.add(with("description", "路".repeat(20_000)));
        bodies.add(with("description", "看\u202E这里"));
        bodies.add(with("urgency", "PANIC"));
        bodies.add(with("reporter", Map.of("phone", "12345")));
        bodies.add(with("location", Map.of()));
        bodies.add(with("location", Map.of("lat", 47.9)));
        bodies.add(with("location", Map.of("lat", 99.0, "lng", 500.0)));
        bodies.add(with("location", Map.of("lat", 47.9218, "lng", 123.5046, "crs", "MARS")));
        bodies.add(with("location", Map.of("lat", 47.9218, "lng", 123.5046, "address", "卜奎\u0001大街")));
        bodies.add(with("location", Map.of("lat", 31.23, "lng", 121.47)));
        bodies.add(with("location", Map.of("gridId", "230202001001001")));
        return bodies;
    }

    @Test
    void refusesEveryBadRaiseInPlainChineseByDefaultAndWhenAsked() {
        for (var language : new String[] {null, "zh-CN,zh;q=0.9", "zh-CN"}) {
            for (var body : badRaises()) {
                var refused = postJson("/api/whistles", body, device(language));
                assertThat(refused.status()).as("%s → %s", body, refused.body()).isEqualTo(422);
                for (var text : texts(refused)) {
                    assertThat(text).as("%s → %s", body, refused.body()).containsPattern("\\p{IsHan}");
                    assertThat(PlainText.offences(text))
                            .as("%s → %s", body, refused.body())
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void refusesEveryBadRaiseInEnglishWhenTheCallerPrefersIt() {
        for (var body : badRaises()) {
            var refused = postJson("/api/whistles", body, device("en-GB,en;q=0.9,zh-CN;q=0.5"));
            assertThat(refused.status()).as("%s → %s", body, refused.body()).isEqualTo(422);
            assertThat(refused.json().get("title").asString()).isEqualTo("Invalid input");
            for (var text : texts(refused)) {
                assertThat(text).as("%s → %s", body, refused.body()).doesNotContainPattern("\\p{IsHan}");
                assertThat(PlainText.offences(text))
                        .as("%s → %s", body, refused.body())
                        .isEmpty();
            }
        }
    }

    private static Map<String, Object> with(String field, Object value) {
        var body = new HashMap<>(whistle("refused " + UUID.randomUUID()));
        body.put(field, value);
        return body;
    }

    /** The detail and every field's message. */
    private static List<String> texts(Response refused) {
        var texts = new java.util.ArrayList<String>();
        texts.add(refused.json().get("detail").asString());
        refused.json()
                .get("errors")
                .forEach(error -> texts.add(error.get("message").asString()));
        return texts;
    }

    private static Consumer<HttpHeaders> device(String language) {
        var device = device();
        return headers -> {
            device.accept(headers);
            if (language != null) {
                headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
            }
        };
    }
}
