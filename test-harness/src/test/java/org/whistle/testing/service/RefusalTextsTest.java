package org.whistle.testing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The shared refusal check passes a plain answer in both languages and fails every way a refusal can be worded wrong. */
class RefusalTextsTest {

    private static final String CHINESE_PROBLEM = """
            {"title":"输入有误","detail":"url: 须为网址","errors":[{"field":"url","message":"须为网址"}]}""";
    private static final String ENGLISH_PROBLEM = """
            {"title":"Invalid input","detail":"url: must be a web address",
             "errors":[{"field":"url","message":"must be a web address"}]}""";

    /** Chinese unless English is preferred, as a service words its refusals. */
    private static RefusalTexts.Answer worded(@Nullable String language, int status) {
        return new RefusalTexts.Answer(
                status, language != null && language.startsWith("en") ? ENGLISH_PROBLEM : CHINESE_PROBLEM);
    }

    @Test
    void passesARefusalPlainInBothLanguages() throws Exception {
        var texts = new RefusalTexts().refuses(422, language -> worded(language, 422));
        texts.inPlainChineseByDefault();
        texts.inEnglishWhenTheCallerPrefersIt();
    }

    @Test
    void failsOnAnotherStatus() {
        var texts = new RefusalTexts().refuses(409, language -> worded(language, 422));
        assertThatThrownBy(texts::inPlainChineseByDefault).hasMessageContaining("409");
    }

    @Test
    void failsOnACodeOrAnEnglishSentenceInTheChineseAnswer() {
        var code = new RefusalTexts().refuses(409, language -> new RefusalTexts.Answer(409, """
                        {"title":"冲突","detail":"无法撤回：工单 CLOSED"}"""));
        assertThatThrownBy(code::inPlainChineseByDefault).hasMessageContaining("CLOSED");
        var english = new RefusalTexts().refuses(409, language -> new RefusalTexts.Answer(409, """
                        {"title":"冲突","detail":"cannot report in"}"""));
        assertThatThrownBy(english::inPlainChineseByDefault).hasMessageContaining("cannot report in");
    }

    @Test
    void failsOnChineseLeftInTheEnglishAnswerEvenInARejectedRow() {
        var row = new RefusalTexts().refuses(422, language -> new RefusalTexts.Answer(422, """
                        {"title":"Import rejected","detail":"1 row was rejected",
                         "rows":[{"file":"units.csv","row":2,"message":"不能为空"}]}"""));
        assertThatThrownBy(row::inEnglishWhenTheCallerPrefersIt).hasMessageContaining("不能为空");
    }

    @Test
    void failsOnAnAnswerWithNoTextAtAll() {
        var empty = new RefusalTexts().refuses(500, language -> new RefusalTexts.Answer(500, "oops"));
        assertThatThrownBy(empty::inPlainChineseByDefault).hasMessageContaining("oops");
    }

    @Test
    void asksOverHttpInTheLanguageGivenWithTheTokenAndBody() throws Exception {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/things", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var language = exchange.getRequestHeaders().getFirst("Accept-Language");
            var asked = exchange.getRequestMethod() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body;
            var answer = ("{\"title\":\"%s\",\"detail\":\"%s\"}")
                    .formatted(language == null ? "none" : language, asked)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(422, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            var uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/things");
            var answer = RefusalTexts.call(uri, "POST", "t0k", "{}").in(RefusalTexts.ENGLISH);
            assertThat(answer.status()).isEqualTo(422);
            assertThat(RefusalTexts.texts(answer.body()))
                    .containsExactly(RefusalTexts.ENGLISH, "POST Bearer t0k application/json {}");
            var bare = RefusalTexts.call(uri, "GET", null, null).in(null);
            assertThat(RefusalTexts.texts(bare.body())).containsExactly("none", "GET null null ");
        } finally {
            server.stop(0);
        }
    }
}
