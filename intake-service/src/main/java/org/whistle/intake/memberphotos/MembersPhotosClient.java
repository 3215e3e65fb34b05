package org.whistle.intake.memberphotos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.whistle.security.ClientCredentialsToken;

/**
 * Reads one result photo from members-service ({@code GET /internal/whistles/{id}/result-photos/{photoId}}) with this
 * service's bearer token from the client-credentials grant, kept until shortly before it expires. Bounded: a timeout
 * on connecting and on each answer, and a photo larger than {@code maxSize} is refused unread.
 */
@Component
class MembersPhotosClient {

    private final MembersPhotosProperties properties;
    private final HttpClient http;
    private final @Nullable ClientCredentialsToken token;

    MembersPhotosClient(MembersPhotosProperties properties, ObjectProvider<Clock> clock) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        this.token = properties.configured()
                ? new ClientCredentialsToken(
                        Objects.requireNonNull(properties.tokenUri()),
                        properties.clientId(),
                        Objects.requireNonNull(properties.clientSecret()),
                        properties.timeout(),
                        clock.getIfAvailable(Clock::systemUTC))
                : null;
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
                Objects.requireNonNull(token).forget();
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
        var base = Objects.requireNonNull(properties.uri()).toString().replaceAll("/+$", "");
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
        if (token == null) {
            throw new MembersPhotosUnavailable("whistle.intake.members.* is not configured");
        }
        return token.token();
    }
}
