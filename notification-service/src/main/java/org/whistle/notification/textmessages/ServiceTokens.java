package org.whistle.notification.textmessages;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.delivery.Undeliverable;
import org.whistle.security.ClientCredentialsToken;

/**
 * This service's bearer token for intake and org-registry, from the client-credentials grant
 * ({@code whistle.notification.client.*}), kept until shortly before it expires.
 */
final class ServiceTokens {

    private final @Nullable ClientCredentialsToken token;

    ServiceTokens(NotificationProperties.Client client, Clock clock) {
        this.token = client.tokenUri() == null || client.clientId() == null || client.clientSecret() == null
                ? null
                : new ClientCredentialsToken(
                        client.tokenUri(), client.clientId(), client.clientSecret(), Duration.ofSeconds(10), clock);
    }

    /** A refused token is not offered again. */
    void forget() {
        if (token != null) {
            token.forget();
        }
    }

    String token() throws IOException, InterruptedException {
        if (token == null) {
            throw Undeliverable.unreachable("whistle.notification.client.* is not configured");
        }
        return token.token();
    }
}
