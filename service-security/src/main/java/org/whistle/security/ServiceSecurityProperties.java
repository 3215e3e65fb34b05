package org.whistle.security;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service finds the keys that sign its callers' tokens, and what those tokens must say.
 *
 * @param jwksUri org-registry's JWK set ({@code WHISTLE_SECURITY_JWKS_URI})
 * @param issuer when set, tokens must name this issuer ({@code WHISTLE_SECURITY_ISSUER})
 * @param audience the audience tokens must name ({@code WHISTLE_SECURITY_AUDIENCE}); by default
 *     {@value AccessTokens#AUDIENCE}, which org-registry puts into every access token
 */
@ConfigurationProperties("whistle.security")
public record ServiceSecurityProperties(
        @Nullable URI jwksUri,
        @Nullable String issuer,
        @Nullable String audience) {

    static final URI DEFAULT_JWKS_URI = URI.create("http://localhost:8081/oauth2/jwks");

    URI jwksUriOrDefault() {
        return jwksUri == null ? DEFAULT_JWKS_URI : jwksUri;
    }

    String audienceOrDefault() {
        return audience == null || audience.isBlank() ? AccessTokens.AUDIENCE : audience;
    }
}
