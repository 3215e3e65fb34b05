package org.whistle.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.whistle.texts.PlainText;

/**
 * The refusals a member, a branch or an administrator reads from members-service — bad reports, tasks and points
 * entries, who may do what, things not found — are plain Chinese by default and English when asked (ADR 0043): no
 * sentence fixed at the throw site in one language.
 */
class RefusalTextsTest extends MembersServiceTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Each refusal, asked for in a language, with the status it must have. */
    private interface Refusal {
        HttpResponse<String> in(@Nullable String language) throws Exception;
    }

    private List<Map.Entry<Integer, Refusal>> refusals() throws Exception {
        var now = Instant.now();
        var task = publishTask(now.minusSeconds(3600), now.plusSeconds(7200), 3, 5);
        var stranger = memberToken(someone("stranger"));
        var refusals = new ArrayList<Map.Entry<Integer, Refusal>>();
        refusals.add(Map.entry(422, language -> send("POST", "/api/members/memberships", stranger, "{}", language)));
        refusals.add(Map.entry(422, language -> send("POST", "/api/members/memberships", stranger, """
                {"name":"王敏","phone":"13900000013","kind":"WORKING","compoundId":"NOWHERE","address":"1号楼"}""", language)));
        refusals.add(Map.entry(
                422,
                language -> send(
                        "POST",
                        "/api/members/tasks",
                        branchToken(),
                        """
                {"kind":"GRID_TASK","title":"清理楼道","gridId":"G1","place":"1号楼","startsAt":"%s","endsAt":"%s",
                 "places":0,"points":500}""".formatted(now.plusSeconds(7200), now.plusSeconds(3600)),
                        language)));
        refusals.add(Map.entry(
                422,
                language -> send(
                        "POST",
                        "/api/members/tasks",
                        branchToken(),
                        """
                {"kind":"GRID_TASK","title":"清理楼道","gridId":"NOWHERE","place":"1号楼","startsAt":"%s","endsAt":"%s",
                 "places":1,"points":5}""".formatted(now.plusSeconds(3600), now.plusSeconds(7200)),
                        language)));
        refusals.add(Map.entry(
                409, language -> send("POST", "/api/members/tasks/" + task + "/claim", stranger, "{}", language)));
        refusals.add(
                Map.entry(403, language -> send("GET", "/api/members/compounds/managed", stranger, null, language)));
        refusals.add(
                Map.entry(403, language -> send("PUT", "/api/members/points/rules/C", branchToken(), """
                {"cityId":"C","cityName":"市","name":"规则","basePoints":100,"floorPoints":0,"annualReset":false,
                 "noShowPoints":-5,"items":[]}""", language)));
        refusals.add(
                Map.entry(422, language -> send("POST", "/api/members/points/entries", branchToken(), "{}", language)));
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
        var body = json(refused);
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
