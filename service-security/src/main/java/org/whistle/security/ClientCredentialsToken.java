package org.whistle.security;

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
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Whistle service's own bearer token for calling another service, from org-registry's client-credentials grant,
 * kept until 30 s before it expires. One per client; safe to share between threads (at worst two callers fetch a
 * token at the same moment and one of them is kept).
 */
public final class ClientCredentialsToken {

    private static final long EARLY_SECONDS = 30;
    private static final long DEFAULT_LIFETIME_SECONDS = 300;

    private final URI tokenUri;
    private final String basicCredentials;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private volatile @Nullable String token;
    private volatile Instant expires = Instant.EPOCH;

    /** @param timeout for connecting and for the token endpoint's answer */
    public ClientCredentialsToken(URI tokenUri, String clientId, String clientSecret, Duration timeout, Clock clock) {
        this.tokenUri = tokenUri;
        this.basicCredentials = Base64.getEncoder()
                .encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * The token, fetched when none is held or the held one is about to expire.
     *
     * @throws IOException when the token endpoint cannot be reached or issues no token
     */
    public String token() throws IOException, InterruptedException {
        var held = token;
        if (held != null && clock.instant().isBefore(expires)) {
            return held;
        }
        var request = HttpRequest.newBuilder(tokenUri)
                .timeout(timeout)
                .header("Authorization", "Basic " + basicCredentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the token endpoint answered HTTP " + response.statusCode());
        }
        var json = JsonMapper.shared().readTree(response.body());
        if (!json.path("access_token").isString()) {
            throw new IOException("the token endpoint issued no access_token");
        }
        var issued = json.path("access_token").asString();
        long seconds = json.path("expires_in").asLong(DEFAULT_LIFETIME_SECONDS);
        token = issued;
        expires = clock.instant().plusSeconds(Math.max(0, seconds - EARLY_SECONDS));
        return issued;
    }

    /** A token the other service refused (keys rotated, clock skew) is not offered again. */
    public void forget() {
        token = null;
    }
}
