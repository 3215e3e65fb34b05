package org.whistle.notification.textmessages;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.delivery.Undeliverable;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service's bearer token for intake and org-registry, from the client-credentials grant
 * ({@code whistle.notification.client.*}), kept until shortly before it expires.
 */
final class ServiceTokens {

    private final NotificationProperties.Client client;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile @Nullable String token;
    private volatile Instant tokenExpires = Instant.EPOCH;

    ServiceTokens(NotificationProperties.Client client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** A refused token is not offered again. */
    void forget() {
        token = null;
    }

    String token() throws IOException, InterruptedException {
        var held = token;
        if (held != null && clock.instant().isBefore(tokenExpires)) {
            return held;
        }
        if (client.tokenUri() == null || client.clientId() == null || client.clientSecret() == null) {
            throw Undeliverable.unreachable("whistle.notification.client.* is not configured");
        }
        var basic = java.util.Base64.getEncoder()
                .encodeToString((URLEncoder.encode(client.clientId(), StandardCharsets.UTF_8) + ":"
                                + URLEncoder.encode(client.clientSecret(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(client.tokenUri())
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the token endpoint answered HTTP " + response.statusCode());
        }
        var json = JsonMapper.shared().readTree(response.body());
        var issued =
                json.path("access_token").isString() ? json.path("access_token").asString() : null;
        if (issued == null) {
            throw new IOException("the token endpoint issued no access_token");
        }
        long seconds = json.path("expires_in").asLong(300);
        token = issued;
        tokenExpires = clock.instant().plusSeconds(Math.max(0, seconds - 30));
        return issued;
    }
}
