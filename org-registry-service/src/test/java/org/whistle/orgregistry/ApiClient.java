package org.whistle.orgregistry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running service over real HTTP, as other services and the gateway do. */
public final class ApiClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private @Nullable String language;

    public ApiClient(int port) {
        this("http://localhost:" + port);
    }

    private ApiClient(String base) {
        this.base = base;
    }

    public record Answer(int status, String body, HttpResponse<String> response) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }
    }

    public Answer get(String path, @Nullable String token) {
        return send(request(path, token).GET());
    }

    public Answer send(String method, String path, @Nullable String token, String contentType, byte[] body) {
        return send(request(path, token)
                .header("Content-Type", contentType)
                .method(method, BodyPublishers.ofByteArray(body)));
    }

    public Answer sendJson(String method, String path, @Nullable String token, String json) {
        return send(method, path, token, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The same client asking for answers in a language ({@code Accept-Language}). */
    public ApiClient inLanguage(String acceptLanguage) {
        var client = new ApiClient(base);
        client.language = acceptLanguage;
        return client;
    }

    private HttpRequest.Builder request(String path, @Nullable String token) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (language != null) {
            builder.header("Accept-Language", language);
        }
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            var response = HTTP.send(request.build(), BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
