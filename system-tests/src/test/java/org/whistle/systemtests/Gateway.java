package org.whistle.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP through the platform's one public entry, the way a phone, a browser or a department system calls it: every
 * call names its path on the gateway, its bearer token (or none) and its body, and gets the whole {@link Reply}.
 */
public final class Gateway {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI base;
    private final HttpClient http;

    Gateway(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The gateway's base URI, {@code http://127.0.0.1:<port>}. */
    public URI base() {
        return base;
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public Reply get(String path, @Nullable String token) {
        return call("GET", path).token(token).send();
    }

    public Reply post(String path, @Nullable String token, String json) {
        return call("POST", path).token(token).json(json).send();
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    /** One request being put together; {@link #send()} sends it. */
    public final class Call {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = BodyPublishers.noBody();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call token(@Nullable String token) {
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call json(String json) {
            headers.put("Content-Type", "application/json");
            body = BodyPublishers.ofString(json);
            return this;
        }

        public Call form(Map<String, String> fields) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            body = BodyPublishers.ofString(formEncoded(fields));
            return this;
        }

        public Call body(String contentType, byte[] bytes) {
            headers.put("Content-Type", contentType);
            body = BodyPublishers.ofByteArray(bytes);
            return this;
        }

        public Call multipart(Multipart multipart) {
            return body(multipart.contentType(), multipart.bytes());
        }

        public Reply send() {
            var request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).method(method, body);
            headers.forEach(request::header);
            try {
                var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Reply(method, path, response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during " + method + " " + path, e);
            }
        }
    }

    /** A whole response, with what was asked, so a failed assertion says which call it was. */
    public record Reply(String method, String path, int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** Whether the body is an RFC 9457 problem detail with this status. */
        public boolean isProblem() {
            if (!contentType().startsWith("application/problem+json")) {
                return false;
            }
            var problem = json();
            return problem.path("status").asInt() == status
                    && !problem.path("title").asString("").isBlank();
        }

        /** The body as JSON once the status is the expected one; fails naming the call and its answer otherwise. */
        public JsonNode expect(int expected) {
            if (status != expected) {
                throw new AssertionError(
                        method + " " + path + ": expected " + expected + " but got " + status + "\n" + body);
            }
            return body.isBlank() ? JSON.missingNode() : json();
        }

        @Override
        public String toString() {
            return method + " " + path + " → " + status + " " + (body.length() > 300 ? body.substring(0, 300) : body);
        }
    }

    /** A multipart/form-data body: JSON or text fields and files. */
    public static final class Multipart {

        private final String boundary = "whistle-" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Multipart part(String name, String contentType, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\nContent-Type: "
                    + contentType + "\r\n\r\n" + value + "\r\n");
            return this;
        }

        public Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        public Multipart file(String name, String filename, String contentType, byte[] bytes) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
            out.writeBytes(bytes);
            write("\r\n");
            return this;
        }

        public String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        public byte[] bytes() {
            var copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return copy.toByteArray();
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static String formEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
