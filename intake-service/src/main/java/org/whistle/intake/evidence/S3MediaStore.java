package org.whistle.intake.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keeps media as objects in an S3-compatible bucket over plain HTTP, signed with {@link SignatureV4}. Uploads send the
 * content's SHA-256 as {@code x-amz-content-sha256}, so the store itself rejects bytes that changed on the way.
 */
final class S3MediaStore implements MediaStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI endpoint;
    private final String bucket;
    private final boolean pathStyle;
    private final SignatureV4 signature;
    private final HttpClient http;
    private final Clock clock;

    S3MediaStore(URI endpoint, String bucket, boolean pathStyle, SignatureV4 signature, HttpClient http, Clock clock) {
        this.endpoint = endpoint;
        this.bucket = bucket;
        this.pathStyle = pathStyle;
        this.signature = signature;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public void put(String key, InputStream content, long size, String contentType, String sha256) throws IOException {
        var body =
                HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> content), size);
        var response = send(
                "PUT", key, Map.of("content-type", contentType), sha256, body, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw failure("PUT", key, response.statusCode(), response.body());
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        var response = send(
                "GET",
                key,
                Map.of(),
                SignatureV4.EMPTY_PAYLOAD,
                HttpRequest.BodyPublishers.noBody(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 200) {
            return Optional.of(response.body());
        }
        try (var error = response.body()) {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure(
                    "GET", key, response.statusCode(), new String(error.readNBytes(1024), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void delete(String key) throws IOException {
        var response = send(
                "DELETE",
                key,
                Map.of(),
                SignatureV4.EMPTY_PAYLOAD,
                HttpRequest.BodyPublishers.noBody(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204 && response.statusCode() != 200 && response.statusCode() != 404) {
            throw failure("DELETE", key, response.statusCode(), response.body());
        }
    }

    /** Path style ({@code endpoint/bucket/key}) for MinIO and most self-hosted stores, else virtual-hosted. */
    URI objectUri(String key) {
        var path = Arrays.stream(key.split("/", -1)).map(SignatureV4::encode).collect(Collectors.joining("/"));
        var base = endpoint.toString().replaceAll("/+$", "");
        if (pathStyle) {
            return URI.create(base + "/" + SignatureV4.encode(bucket) + "/" + path);
        }
        var authority = bucket + "." + endpoint.getRawAuthority();
        return URI.create(endpoint.getScheme() + "://" + authority + "/" + path);
    }

    private <T> HttpResponse<T> send(
            String method,
            String key,
            Map<String, String> extraHeaders,
            String payloadHash,
            HttpRequest.BodyPublisher body,
            HttpResponse.BodyHandler<T> handler)
            throws IOException {
        var uri = objectUri(key);
        var now = clock.instant();
        var headers = new LinkedHashMap<String, String>(extraHeaders);
        headers.put("x-amz-content-sha256", payloadHash);
        headers.put("x-amz-date", SignatureV4.TIMESTAMP.format(now));
        var signed = new LinkedHashMap<>(headers);
        signed.put("host", host(uri));
        var request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).method(method, body);
        headers.forEach(request::header);
        request.header(
                "Authorization",
                signature.authorization(
                        method,
                        uri.getRawPath(),
                        uri.getRawQuery() == null ? "" : uri.getRawQuery(),
                        signed,
                        payloadHash,
                        now));
        try {
            return http.send(request.build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to the media store", e);
        }
    }

    /** The Host header as the JDK client sends it: the port only when it is not the scheme's default. */
    static String host(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || port == 80 && "http".equals(uri.getScheme())
                || port == 443 && "https".equals(uri.getScheme());
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private IOException failure(String method, String key, int status, String body) {
        var excerpt = body.length() > 300 ? body.substring(0, 300) : body;
        return new IOException(method + " " + bucket + "/" + key + " answered " + status + ": " + excerpt);
    }
}
