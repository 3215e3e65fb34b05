package org.whistle.systemtests.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The load generator's HTTP: one keep-alive HTTP/1.1 client, answers as text, failures as status 0. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient client;

    Http() {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /**
     * An answer: {@code status} 0 when no answer came (refused, reset, timed out), with the exception's text as body.
     */
    record Answer(
            int status,
            String body,
            @Nullable String contentType,
            @Nullable String location) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /**
     * Sends {@code request} and reads its answer. An event stream (a live feed) is answered once its headers have come:
     * its body never ends, and the request's timeout covers only the wait for the headers, so reading it would hold the
     * caller for good (the fuzzer's workers hung so on a reporter's progress stream, which rightly stays open and
     * silent for a stranger).
     */
    Answer send(HttpRequest request) {
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            var contentType = response.headers().firstValue("Content-Type").orElse(null);
            String body;
            try (var in = response.body()) {
                body = contentType != null && contentType.startsWith("text/event-stream")
                        ? ""
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Answer(
                    response.statusCode(),
                    body,
                    contentType,
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            return new Answer(0, e.toString(), null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted", null, null);
        }
    }

    Answer get(URI uri, @Nullable String token) {
        var request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Answer post(URI uri, @Nullable String token, String json) {
        return post(uri, token, json, Map.of());
    }

    Answer post(URI uri, @Nullable String token, String json, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    HttpClient client() {
        return client;
    }
}
