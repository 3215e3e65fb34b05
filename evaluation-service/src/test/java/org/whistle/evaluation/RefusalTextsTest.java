package org.whistle.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.whistle.texts.PlainText;

/**
 * The refusals staff read from evaluation-service — periods and levels written wrong, export formats, exemptions
 * without a case, weights and rankings a role may not see or change — are plain Chinese by default and English when
 * asked (ADR 0043): no sentence fixed at the throw site in one language.
 */
class RefusalTextsTest extends EvaluationServiceTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private List<Map.Entry<Integer, String[]>> refusals() {
        var resident = token("resident-texts", List.of("RESIDENT"), List.of(), null);
        var street = token("dispatcher-texts", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
        var admin = administrator();
        var refusals = new ArrayList<Map.Entry<Integer, String[]>>();
        refusals.add(Map.entry(422, new String[] {"GET", "/api/evaluation/figures?object=S1&period=2025-13", admin}));
        refusals.add(Map.entry(
                422,
                new String[] {"GET", "/api/evaluation/figures/export?object=S1&period=2025-05&format=pdf", admin}));
        refusals.add(Map.entry(422, new String[] {"POST", "/api/evaluation/exemptions", admin, "{}"}));
        refusals.add(Map.entry(403, new String[] {"GET", "/api/evaluation/appraisals/weights", resident}));
        refusals.add(Map.entry(422, new String[] {"POST", "/api/evaluation/appraisals/weights", street, "{}"}));
        refusals.add(Map.entry(
                403, new String[] {"GET", "/api/evaluation/appraisals/periods/2025-Q1/adjustments", resident}));
        return refusals;
    }

    @Test
    void refusesInPlainChineseByDefault() throws Exception {
        for (var language : new String[] {null, "zh-CN,zh;q=0.9"}) {
            for (var refusal : refusals()) {
                var refused = send(refusal.getValue(), language);
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
            var refused = send(refusal.getValue(), "en-GB,en;q=0.9,zh-CN;q=0.5");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(refusal.getKey());
            for (var text : texts(refused)) {
                assertThat(text).as(refused.body()).doesNotContainPattern("\\p{IsHan}");
                assertThat(PlainText.offences(text)).as(refused.body()).isEmpty();
            }
        }
    }

    /** The detail and every field's message. */
    private static List<String> texts(HttpResponse<String> refused) {
        var body = json(refused);
        var texts = new ArrayList<String>();
        texts.add(body.get("detail").asString());
        var errors = body.get("errors");
        if (errors != null) {
            errors.forEach(error -> texts.add(error.get("message").asString()));
        }
        return texts;
    }

    /** {method, path, token[, json]} in a language. */
    private HttpResponse<String> send(String[] call, @Nullable String language) throws Exception {
        var json = call.length > 3 ? call[3] : null;
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call[1]))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + call[2])
                .method(
                        call[0],
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
