package org.whistle.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.whistle.problems.testapp.ProblemApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests refused before any controller: each answer is a problem detail, not Tomcat's HTML page or Boot's error JSON.
 */
@SpringBootTest(classes = ProblemApp.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ContainerProblemsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/invalid/%C0%AF", // overlong UTF-8: Tomcat cannot decode the address
                "/invalid/a%5Cb", // an encoded backslash
                "/invalid/%00", // a NUL
                "/refused-by-filter", // sendError from a filter, as Spring Security's firewall does
            })
    void refusedAddressesAreMalformedRequestProblems(String path) throws IOException, InterruptedException {
        var answer = get(path);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asString()).isEqualTo("urn:whistle:problem:malformed-request");
        assertThat(answer.json().path("status").asInt()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("Tomcat").doesNotContain(path);
    }

    @Test
    void aRequestLineLongerThanTomcatAcceptsIsAProblemToo() throws IOException, InterruptedException {
        var answer = get("/invalid/" + "x".repeat(20_000));

        assertThat(answer.status()).isBetween(400, 431);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(answer.status());
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotFound() throws IOException, InterruptedException {
        var answer = get("/error");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("type").asString()).isEqualTo("urn:whistle:problem:not-found");
    }

    @Test
    void answersRefusedRequestsInTheCallersLanguage() throws IOException, InterruptedException {
        var chinese = get("/invalid/a%5Cb", null);
        var english = get("/invalid/a%5Cb", "en-GB,en;q=0.8");

        assertThat(chinese.json().path("title").asString()).isEqualTo("请求格式有误");
        assertThat(chinese.json().path("detail").asString()).startsWith("无法读取请求");
        assertThat(english.json().path("title").asString()).isEqualTo("Malformed request");
        assertThat(get("/error", "en").json().path("detail").asString()).isEqualTo("There is nothing at this address.");
        assertThat(get("/error", null).json().path("detail").asString()).isEqualTo("此地址下没有内容。");
    }

    private record Answer(int status, String contentType, String body) {
        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }
    }

    private Answer get(String path) throws IOException, InterruptedException {
        return get(path, null);
    }

    private Answer get(String path, @org.jspecify.annotations.Nullable String language)
            throws IOException, InterruptedException {
        // The JDK client sends a percent-encoded path as written; it only refuses what is no URI at all.
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html");
        if (language != null) {
            builder.header("Accept-Language", language);
        }
        var request = builder.build();
        var response = HTTP.send(request, BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }
}
