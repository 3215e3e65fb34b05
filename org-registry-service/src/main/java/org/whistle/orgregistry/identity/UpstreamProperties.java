package org.whistle.orgregistry.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code whistle.identity.upstream.*}: the city's identity platform (统一身份认证), an OpenID Connect provider staff
 * may sign in through beside their passwords (ADR 0047). Off unless {@code issuer-uri} is set.
 *
 * @param issuerUri the provider's issuer; its discovery document names the endpoints and keys
 * @param clientId Whistle's client id at the provider
 * @param clientSecret its secret (client_secret_basic or _post, as the provider's discovery says)
 * @param scopes asked for; {@code openid} is always among them
 * @param usernameClaim the claim (of the ID token or user info) holding the Whistle username a first sign-in links to
 * @param name what the sign-in button says
 * @param nameEn what it says on the English page
 */
@ConfigurationProperties("whistle.identity.upstream")
public record UpstreamProperties(
        @Nullable String issuerUri,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @DefaultValue({"openid", "profile"}) List<String> scopes,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("统一身份认证登录") String name,

        @DefaultValue("Sign in with the city's identity platform")
        String nameEn) {

    /** The registration's id, in the sign-in paths: {@code /oauth2/upstream/city} starts, {@code …/callback} ends. */
    public static final String REGISTRATION = "city";

    public static final String START = "/oauth2/upstream/" + REGISTRATION;

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
