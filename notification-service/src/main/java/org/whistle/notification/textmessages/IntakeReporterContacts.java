package org.whistle.notification.textmessages;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.whistle.notification.delivery.Undeliverable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks intake: {@code GET {intake-uri}/internal/whistles/{id}/contact} with a bearer token from the client-credentials
 * grant ({@code whistle.notification.client.*}), answered with {@code {"phone": "…", "wechatOpenId": "…", "trackingCode": "…"}}.
 */
class IntakeReporterContacts implements ReporterContacts {

    private final @Nullable URI intake;
    private final ServiceTokens tokens;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    IntakeReporterContacts(@Nullable URI intake, ServiceTokens tokens) {
        this.intake = intake;
        this.tokens = tokens;
    }

    @Override
    public Contact contactOf(UUID whistleId) throws IOException, InterruptedException {
        if (intake == null) {
            throw Undeliverable.unreachable("whistle.notification.intake-uri is not configured");
        }
        var request = HttpRequest.newBuilder(intake.resolve("/internal/whistles/" + whistleId + "/contact"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + tokens.token())
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
                tokens.forget();
                throw Undeliverable.unreachable("intake refused the contact: HTTP " + response.statusCode());
            }
            case 404 -> throw Undeliverable.unreachable("intake holds no contact for the reporter");
            default -> throw new IOException("intake answered HTTP " + response.statusCode());
        }
    }

    private static @Nullable String text(tools.jackson.databind.@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
