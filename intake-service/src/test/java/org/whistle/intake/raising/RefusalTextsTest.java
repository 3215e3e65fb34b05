package org.whistle.intake.raising;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.whistle.intake.support.IntakeTest;
import org.whistle.testing.service.RefusalTexts;

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

    /** Every bad raise, posted from a device in the language asked. */
    private RefusalTexts refusals() {
        var refusals = new RefusalTexts();
        for (var body : badRaises()) {
            refusals.refuses(422, language -> {
                var refused = postJson("/api/whistles", body, device(language));
                return new RefusalTexts.Answer(refused.status(), refused.body());
            });
        }
        return refusals;
    }

    @Test
    void refusesEveryBadRaiseInPlainChineseByDefaultAndWhenAsked() throws Exception {
        refusals().inPlainChineseByDefault();
        // A browser that names the language alone is answered the same.
        var refused = postJson("/api/whistles", badRaises().getFirst(), device("zh-CN"));
        assertThat(refused.json().get("title").asString()).isEqualTo("输入不符合要求");
    }

    @Test
    void refusesEveryBadRaiseInEnglishWhenTheCallerPrefersIt() throws Exception {
        refusals().inEnglishWhenTheCallerPrefersIt();
        var refused = postJson("/api/whistles", badRaises().getFirst(), device(RefusalTexts.ENGLISH));
        assertThat(refused.json().get("title").asString()).isEqualTo("Invalid input");
    }

    private static Map<String, Object> with(String field, Object value) {
        var body = new HashMap<>(whistle("refused " + UUID.randomUUID()));
        body.put(field, value);
        return body;
    }

    private static Consumer<HttpHeaders> device(@Nullable String language) {
        var device = device();
        return headers -> {
            device.accept(headers);
            if (language != null) {
                headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
            }
        };
    }
}
