package org.whistle.intake.memberphotos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.whistle.security.ClientCredentialsToken;

/**
 * Reads one result photo from members-service ({@code GET /internal/whistles/{id}/result-photos/{photoId}}) with this
 * service's bearer token from the client-credentials grant, kept until shortly before it expires. Bounded: a timeout
 * on connecting and on each answer, and a photo larger than {@code maxSize} is refused unread. Built from Boot's
 * {@link RestClient.Builder}, so the call is a client span of the view being answered and sends its {@code traceparent}
 * (ADR 0054).
 */
@Component
class MembersPhotosClient {

    private final MembersPhotosProperties properties;
    private final RestClient http;
    private final @Nullable ClientCredentialsToken token;

    /** What members-service answered: the photo's first {@code maxSize + 1} bytes, read only for a 200. */
    private record Answer(int statusCode, byte[] body) {}

    MembersPhotosClient(MembersPhotosProperties properties, ObjectProvider<Clock> clock, RestClient.Builder builder) {
        this.properties = properties;
        var requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        this.http = builder.requestFactory(requests).build();
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
            if (answer.body().length > limit) {
                throw new MembersPhotosUnavailable("members-service sent a photo over " + limit + " bytes");
            }
            return Optional.of(answer.body());
        } catch (IOException | RestClientException e) {
            throw new MembersPhotosUnavailable("cannot read a photo from members-service", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MembersPhotosUnavailable("interrupted reading a photo from members-service", e);
        }
    }

    private Answer get(UUID whistleId, UUID photoId, String bearer) {
        var base = Objects.requireNonNull(properties.uri()).toString().replaceAll("/+$", "");
        var limit = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxSize().toBytes() + 1);
        return http.get()
                .uri(URI.create(base + "/internal/whistles/" + whistleId + "/result-photos/" + photoId))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                .header(HttpHeaders.ACCEPT, "image/jpeg, image/png")
                .exchange(
                        (request, response) -> {
                            var status = response.getStatusCode().value();
                            if (status != 200) {
                                return new Answer(status, new byte[0]);
                            }
                            try (var in = response.getBody()) {
                                return new Answer(status, in.readNBytes(limit));
                            }
                        },
                        true);
    }

    private String token() throws IOException, InterruptedException {
        if (token == null) {
            throw new MembersPhotosUnavailable("whistle.intake.members.* is not configured");
        }
        return token.token();
    }
}
