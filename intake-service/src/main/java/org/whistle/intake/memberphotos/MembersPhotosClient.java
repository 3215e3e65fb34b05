package org.whistle.intake.memberphotos;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one result photo from members-service ({@code GET /internal/whistles/{id}/result-photos/{photoId}}) with this
 * service's bearer token from the client-credentials grant, kept until shortly before it expires. Bounded: a timeout
 * on connecting and on each answer, and a photo larger than {@code maxSize} is refused unread.
 */
@Component
class MembersPhotosClient {

    private final MembersPhotosProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private volatile @Nullable String token;
    private volatile Instant tokenExpires = Instant.EPOCH;

    MembersPhotosClient(MembersPhotosProperties properties, ObjectProvider<Clock> clock) {
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    boolean configured() {
        return properties.configured();
    }

    /**
     * The photo's bytes as members-service keeps them, or empty when it is not a result of that whistle there.
     *
     * @throws MembersPhotosUnavailable when members-service or the token endpoint cannot answer now
     */
    Optional<byte[]> photo(UUID whistleId, UUID photoId) {
        try {
            var answer = get(whistleId, photoId, token());
            if (answer.statusCode() == 401) {
                // a token refused (keys rotated, clock skew) is not offered again; one more try with a fresh one
                token = null;
                answer = get(whistleId, photoId, token());
            }
            if (answer.statusCode() == 404) {
                return Optional.empty();
            }
            if (answer.statusCode() != 200) {
                throw new MembersPhotosUnavailable("members-service answered HTTP " + answer.statusCode());
            }
            long limit = properties.maxSize().toBytes();
            try (var in = answer.body()) {
                var bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (bytes.length > limit) {
                    throw new MembersPhotosUnavailable("members-service sent a photo over " + limit + " bytes");
                }
                return Optional.of(bytes);
            }
        } catch (IOException e) {
            throw new MembersPhotosUnavailable("cannot read a photo from members-service", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MembersPhotosUnavailable("interrupted reading a photo from members-service", e);
        }
    }

    private HttpResponse<java.io.InputStream> get(UUID whistleId, UUID photoId, String bearer)
            throws IOException, InterruptedException {
        var base = java.util.Objects.requireNonNull(properties.uri()).toString().replaceAll("/+$", "");
        var request = HttpRequest.newBuilder(
                        URI.create(base + "/internal/whistles/" + whistleId + "/result-photos/" + photoId))
                .timeout(properties.timeout())
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "image/jpeg, image/png")
                .GET()
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
        }
        return response;
    }

    private String token() throws IOException, InterruptedException {
        var held = token;
        if (held != null && clock.instant().isBefore(tokenExpires)) {
            return held;
        }
        var basic = Base64.getEncoder()
                .encodeToString((URLEncoder.encode(properties.clientId(), StandardCharsets.UTF_8) + ":"
                                + URLEncoder.encode(String.valueOf(properties.clientSecret()), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(java.util.Objects.requireNonNull(properties.tokenUri()))
                .timeout(properties.timeout())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new MembersPhotosUnavailable("the token endpoint answered HTTP " + response.statusCode());
        }
        var json = JsonMapper.shared().readTree(response.body());
        if (!json.path("access_token").isString()) {
            throw new MembersPhotosUnavailable("the token endpoint issued no access_token");
        }
        var issued = json.path("access_token").asString();
        long seconds = json.path("expires_in").asLong(300);
        token = issued;
        tokenExpires = clock.instant().plusSeconds(Math.max(0, seconds - 30));
        return issued;
    }
}
