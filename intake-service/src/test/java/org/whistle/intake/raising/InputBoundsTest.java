package org.whistle.intake.raising;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.whistle.intake.evidence.Samples;
import org.whistle.intake.support.IntakeTest;

/**
 * Every free-text field has a documented maximum and refuses control and bidirectional-override characters with a
 * 422 problem detail naming the field; no input answers 500.
 */
class InputBoundsTest extends IntakeTest {

    private static void assertNames(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:whistle:problem:invalid-input");
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
    }

    @Test
    void refusesBidirectionalOverridesInTheDescriptionAndTheAddress() {
        for (var bidi : new String[] {"\u202A", "\u202E", "\u2066", "\u2069"}) {
            var description = "路面塌陷" + bidi + "txt.exe " + UUID.randomUUID();
            assertNames(postJson("/api/whistles", whistle(description), device()), "description");
            assertThat(stored(description)).isZero();
        }
        var body = new HashMap<>(whistle("address " + UUID.randomUUID()));
        body.put("location", Map.of("lat", 47.9218, "lng", 123.5046, "address", "卜奎大街\u202E号1"));
        assertNames(postJson("/api/whistles", body, device()), "location.address");
    }

    @Test
    void refusesOverlongTextNamingTheField() {
        var body = new HashMap<>(whistle("long address " + UUID.randomUUID()));
        body.put("location", Map.of("lat", 47.9218, "lng", 123.5046, "address", "路".repeat(501)));
        assertNames(postJson("/api/whistles", body, device()), "location.address");

        var category = new HashMap<>(whistle("long category " + UUID.randomUUID()));
        category.put("category", "X".repeat(10_000));
        var refused = postJson("/api/whistles", category, device());
        assertNames(refused, "category");
        assertThat(refused.body().length())
                .as("the answer does not echo the input")
                .isLessThan(2_000);

        var id = postJson("/api/whistles", whistle("supported " + UUID.randomUUID()), device())
                .json()
                .get("id")
                .asString();
        assertNames(postJson("/api/whistles/" + id + "/supports", Map.of("note", "再".repeat(2001)), device()), "note");
        assertNames(postJson("/api/whistles/" + id + "/supports", Map.of("note", "看\u202E这里"), device()), "note");
    }

    @Test
    void answersAFileNameWithControlCharactersWithoutA500() {
        var description = "nul name " + UUID.randomUUID();
        var parts = new Parts()
                .json("whistle", whistle(description))
                .file("evidence", "a\u0000.jpg", Samples.jpegWithLocation(), MediaType.IMAGE_JPEG);

        var answer = postMultipart("/api/whistles", parts, device());

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().getContentType().toString()).contains("problem+json");
        assertThat(answer.json().get("errors").findValuesAsString("field")).contains("evidence");
        assertThat(stored(description)).isZero();
    }
}
