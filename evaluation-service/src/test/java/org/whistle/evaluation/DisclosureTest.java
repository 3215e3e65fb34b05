package org.whistle.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.events.Rating;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleReported;

/**
 * 考核结果公开 (ADR 0033): off by default, so nobody without a token reads anything; an administrator turns it on with a
 * reason (on record); then anyone reads a published period's figures and rankings, never an unpublished or open
 * period's, nor the cases behind a figure, nor pending adjustments, nor a comparison with an unpublished period.
 */
class DisclosureTest extends EvaluationServiceTest {

    private static final HttpClient ANONYMOUS =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> anonymous(String path) throws Exception {
        return ANONYMOUS.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String dispatcher() {
        return token("dispatcher-s1", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
    }

    @Test
    void anAdministratorDisclosesThePublishedFiguresToAnyoneAndNothingElse() throws Exception {
        var h = Duration.ofHours(1);
        for (var month : List.of(3, 4)) {
            var t = day(LocalDate.of(2023, month, 6));
            publishAll(newCase("T-PUB-" + month)
                    .raised(t, null)
                    .filed(t.plus(h))
                    .summoned(t.plus(h), WATER)
                    .reported(t.plus(h).plus(h), WATER, WhistleReported.Report.REPORTED_IN)
                    .reported(t.plus(Duration.ofDays(1)), WATER, WhistleReported.Report.DONE)
                    .closed(t.plus(Duration.ofDays(2)), WhistleClosed.Outcome.RESOLVED)
                    .feedback(t.plus(Duration.ofDays(2)).minusSeconds(60), Rating.SATISFIED, true, null));
        }
        for (var code : List.of("2023-03", "2023-04")) {
            var closed = send("POST", "/api/evaluation/periods/" + code + "/close", administrator(), null);
            assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        }
        var published = send("POST", "/api/evaluation/periods/2023-03/publish", administrator(), null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

        // off by default: the public paths answer nothing, not even which periods exist
        var setting = json(get("/api/evaluation/disclosure", dispatcher()));
        assertThat(setting.get("enabled").asBoolean()).isFalse();
        assertThat(setting.get("enabledLabel").asString()).startsWith("未公开");
        assertThat(anonymous("/api/evaluation/public/periods").statusCode()).isEqualTo(404);
        assertThat(anonymous("/api/evaluation/public/figures?object=S1&period=2023-03")
                        .statusCode())
                .isEqualTo(404);
        assertThat(anonymous("/api/evaluation/public/rankings?level=STREET&within=D&period=2023-03")
                        .statusCode())
                .isEqualTo(404);

        // only an administrator changes it, with a reason; nobody without a token reads the setting
        var on = "{\"enabled\": true, \"version\": " + setting.get("version").asLong() + ", \"reason\": \"市政府信息公开要求\"}";
        assertThat(anonymous("/api/evaluation/disclosure").statusCode()).isEqualTo(401);
        assertThat(send("PUT", "/api/evaluation/disclosure", dispatcher(), on).statusCode())
                .isEqualTo(403);
        assertThat(send("PUT", "/api/evaluation/disclosure", administrator(), "{\"enabled\": true}")
                        .statusCode())
                .isEqualTo(422);
        var turnedOn = send("PUT", "/api/evaluation/disclosure", administrator(), on);
        assertThat(turnedOn.statusCode()).as(turnedOn.body()).isEqualTo(200);
        assertThat(send("PUT", "/api/evaluation/disclosure", administrator(), on)
                        .statusCode())
                .as("a second change from the same version read")
                .isEqualTo(409);
        var history = json(get("/api/evaluation/disclosure", dispatcher())).get("history");
        assertThat(history.get(0).get("changedBy").asString()).contains("admin-1");
        assertThat(history.get(0).get("reason").asString()).isEqualTo("市政府信息公开要求");
        assertThat(history.get(0).get("changedAt").asString()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");

        // on: the published month, and only it
        var periods = anonymous("/api/evaluation/public/periods");
        assertThat(periods.statusCode()).isEqualTo(200);
        var codes = json(periods).values().stream()
                .map(p -> p.get("code").asString())
                .toList();
        assertThat(codes).contains("2023-03").doesNotContain("2023-04");
        assertThat(periods.body()).doesNotContain("admin-1");

        var figure = anonymous("/api/evaluation/public/figures?object=S1&period=2023-03");
        assertThat(figure.statusCode()).as(figure.body()).isEqualTo(200);
        var rates = json(figure).get("figures").get("rates").values().stream()
                .filter(r -> r.get("rate").asString().equals("SATISFACTION"))
                .findFirst()
                .orElseThrow();
        assertThat(rates.get("denominator").asLong()).isEqualTo(1);
        assertThat(rates.get("text").asString()).isEqualTo("100.00%");
        assertThat(json(figure).get("pending").isNull()).isTrue();
        assertThat(figure.body()).doesNotContain("T-PUB-3");

        assertThat(anonymous("/api/evaluation/public/figures?object=S1&period=2023-04")
                        .statusCode())
                .as("closed, not published")
                .isEqualTo(404);
        assertThat(anonymous("/api/evaluation/public/figures?object=S1&period=2023-05")
                        .statusCode())
                .as("never closed")
                .isEqualTo(404);
        assertThat(anonymous("/api/evaluation/public/figures/cases?object=S1&period=2023-03&measure=RAISED")
                        .statusCode())
                .as("the cases behind a figure are never public")
                .isEqualTo(404);
        assertThat(anonymous("/api/evaluation/figures?object=S1&period=2023-03").statusCode())
                .as("the staff API still wants a token")
                .isEqualTo(401);

        var ranking = anonymous("/api/evaluation/public/rankings?level=STREET&within=D&period=2023-03");
        assertThat(ranking.statusCode()).as(ranking.body()).isEqualTo(200);
        var s1 = json(ranking).get("rows").values().stream()
                .filter(r -> r.get("id").asString().equals("S1"))
                .findFirst()
                .orElseThrow();
        assertThat(s1.get("rank").asInt()).isEqualTo(1);
        assertThat(s1.get("previousValueText").asString())
                .as("February is not published")
                .isEqualTo("—");
        assertThat(anonymous("/api/evaluation/public/rankings?level=STREET&within=D&period=2023-04")
                        .statusCode())
                .isEqualTo(404);

        // off again: gone
        var version = json(get("/api/evaluation/disclosure", dispatcher()))
                .get("version")
                .asLong();
        var off = send(
                "PUT",
                "/api/evaluation/disclosure",
                administrator(),
                "{\"enabled\": false, \"version\": " + version + ", \"reason\": \"公开期结束\"}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(anonymous("/api/evaluation/public/figures?object=S1&period=2023-03")
                        .statusCode())
                .isEqualTo(404);
    }
}
