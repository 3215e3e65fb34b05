package org.whistle.notification.textmessages;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.delivery.Undeliverable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks intake: {@code GET {intake-uri}/internal/whistles/{id}/contact} with a bearer token from the client-credentials
 * grant ({@code whistle.notification.client.*}), answered with {@code {"phone": "…", "wechatOpenId": "…", "trackingCode": "…"}}.
 */
class IntakeReporterContacts implements ReporterContacts {

    private final @Nullable URI intake;
    private final NotificationProperties.Client client;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile @Nullable String token;
    private volatile Instant tokenExpires = Instant.EPOCH;

    IntakeReporterContacts(@Nullable URI intake, NotificationProperties.Client client, Clock clock) {
        this.intake = intake;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public Contact contactOf(UUID whistleId) throws IOException, InterruptedException {
        if (intake == null) {
            throw Undeliverable.unreachable("whistle.notification.intake-uri is not configured");
        }
        var request = HttpRequest.newBuilder(intake.resolve("/internal/whistles/" + whistleId + "/contact"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token())
                .GET()
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        switch (response.statusCode()) {
            case 200 -> {
                var json = JsonMapper.shared().readTree(response.body());
                return new Contact(
                        text(json.get("phone")), text(json.get("wechatOpenId")), text(json.get("trackingCode")));
            }
            case 401, 403 -> {
                token = null;
                throw Undeliverable.unreachable("intake refused the contact: HTTP " + response.statusCode());
            }
            case 404 -> throw Undeliverable.unreachable("intake holds no contact for the reporter");
            default -> throw new IOException("intake answered HTTP " + response.statusCode());
        }
    }

    private String token() throws IOException, InterruptedException {
        var held = token;
        if (held != null && clock.instant().isBefore(tokenExpires)) {
            return held;
        }
        if (client.tokenUri() == null || client.clientId() == null || client.clientSecret() == null) {
            throw Undeliverable.unreachable("whistle.notification.client.* is not configured");
        }
        var basic = Base64.getEncoder()
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
        var issued = text(json.get("access_token"));
        if (issued == null) {
            throw new IOException("the token endpoint issued no access_token");
        }
        long seconds = json.path("expires_in").asLong(300);
        token = issued;
        tokenExpires = clock.instant().plusSeconds(Math.max(0, seconds - 30));
        return issued;
    }

    private static @Nullable String text(tools.jackson.databind.@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
