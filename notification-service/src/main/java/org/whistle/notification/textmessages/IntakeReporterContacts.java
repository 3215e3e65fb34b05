package org.whistle.notification.textmessages;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClient;
import org.whistle.notification.delivery.Undeliverable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks intake: {@code GET {intake-uri}/internal/whistles/{id}/contact} with a bearer token from the client-credentials
 * grant ({@code whistle.notification.client.*}), answered with {@code {"phone": "…", "wechatOpenId": "…", "trackingCode": "…"}}.
 * The call is traced ({@link InternalHttp}).
 */
class IntakeReporterContacts implements ReporterContacts {

    private final @Nullable URI intake;
    private final ServiceTokens tokens;
    private final InternalHttp http;

    IntakeReporterContacts(@Nullable URI intake, ServiceTokens tokens, RestClient.Builder builder) {
        this.intake = intake;
        this.tokens = tokens;
        this.http = new InternalHttp(builder);
    }

    @Override
    public Contact contactOf(UUID whistleId) throws IOException, InterruptedException {
        if (intake == null) {
            throw Undeliverable.unreachable("whistle.notification.intake-uri is not configured");
        }
        var response =
                http.get(intake.resolve("/internal/whistles/" + whistleId + "/contact"), "Bearer " + tokens.token());
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
