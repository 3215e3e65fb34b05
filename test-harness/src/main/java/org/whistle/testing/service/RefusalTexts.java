package org.whistle.testing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.whistle.texts.PlainText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The check every service's {@code RefusalTextsTest} makes (ADR 0043): each refusal it lists answers the status it
 * must, and every text of the answer a person reads — the title, the detail, each field's and each row's message — is
 * plain Chinese when the caller asks for nothing or for Chinese, and plain English when it prefers English: no code,
 * enum, {@code null}, UTC time or sentence fixed at the throw site in one language ({@link PlainText}).
 *
 * <p>A service lists its refusals once, as (expected status, request in a language), and calls
 * {@link #inPlainChineseByDefault()} and {@link #inEnglishWhenTheCallerPrefersIt()}. Every refusal is asked before the
 * test fails, so one run names every offending text.
 */
public final class RefusalTexts {

    /** What a browser set to Chinese sends; the default (no header) is checked as well. */
    public static final String CHINESE = "zh-CN,zh;q=0.9";

    /** An English reader who would also read Chinese: English must win. */
    public static final String ENGLISH = "en-GB,en;q=0.9,zh-CN;q=0.5";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.shared();

    private final List<Refusal> refusals = new ArrayList<>();

    /** A request asked in a language ({@code null}: no {@code Accept-Language} at all). */
    @FunctionalInterface
    public interface Request {
        Answer in(@Nullable String language) throws Exception;
    }

    /** What came back: the status and the body (an RFC 9457 problem). */
    public record Answer(int status, String body) {

        public static Answer of(HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.body());
        }
    }

    private record Refusal(int status, Request request) {}

    /** This refusal, which must answer {@code status}. */
    public RefusalTexts refuses(int status, Request request) {
        refusals.add(new Refusal(status, request));
        return this;
    }

    /**
     * A request to a service over HTTP: {@code method} on {@code uri} with a bearer token (when given) and a JSON body
     * (when given), in the language asked.
     */
    public static Request call(URI uri, String method, @Nullable String token, @Nullable String json) {
        return language -> {
            var request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10))
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (language != null) {
                request.header("Accept-Language", language);
            }
            return Answer.of(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        };
    }

    /** Asked without a language and in Chinese: every text has Chinese in it and nothing a person could not read. */
    public void inPlainChineseByDefault() throws Exception {
        check(Arrays.asList(null, CHINESE), true);
    }

    /** Asked in English: no Chinese left and nothing a person could not read. */
    public void inEnglishWhenTheCallerPrefersIt() throws Exception {
        check(List.of(ENGLISH), false);
    }

    private void check(List<@Nullable String> languages, boolean chinese) throws Exception {
        assertThat(refusals).as("the refusals to check").isNotEmpty();
        var softly = new SoftAssertions();
        for (var language : languages) {
            for (int i = 0; i < refusals.size(); i++) {
                var refusal = refusals.get(i);
                var answer = refusal.request().in(language);
                var about = "refusal %d in %s → %s".formatted(i + 1, language, answer.body());
                softly.assertThat(answer.status()).as(about).isEqualTo(refusal.status());
                var texts = texts(answer.body());
                softly.assertThat(texts).as(about).isNotEmpty();
                for (var text : texts) {
                    if (chinese) {
                        softly.assertThat(text).as(about).containsPattern("\\p{IsHan}");
                    } else {
                        softly.assertThat(text).as(about).doesNotContainPattern("\\p{IsHan}");
                    }
                    softly.assertThat(PlainText.offences(text)).as(about).isEmpty();
                }
            }
        }
        softly.assertAll();
    }

    /**
     * The texts of a problem a person reads: its title and detail, each field's message ({@code errors}) and each
     * rejected row's message ({@code rows}); none when the body is not a JSON object.
     */
    public static List<String> texts(String body) {
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return List.of();
        }
        var texts = new ArrayList<String>();
        if (problem == null || !problem.isObject()) {
            return texts;
        }
        for (var name : List.of("title", "detail")) {
            var text = problem.get(name);
            if (text != null && text.isString()) {
                texts.add(text.asString());
            }
        }
        for (var list : List.of("errors", "rows")) {
            var items = problem.get(list);
            if (items != null && items.isArray()) {
                items.forEach(item -> texts.add(item.path("message").asString("")));
            }
        }
        return texts;
    }
}
