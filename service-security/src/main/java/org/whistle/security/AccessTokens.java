package org.whistle.security;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/**
 * What makes a token an access token for Whistle's APIs, shared by org-registry, which issues them, and every service
 * that checks them. org-registry signs ID tokens, people's access tokens and systems' client-credentials tokens with
 * the same key, so the signature alone does not say what a token is for: an ID token (audience: the client that
 * signed the person in, no type) proves who signed in to that client, and must not open an API, not even while its
 * holder is signed out. An access token says so in its header ({@code typ: at+jwt}, RFC 9068 §2.1) and names the
 * APIs as its audience ({@value #AUDIENCE}); a token without either is refused with 401.
 */
public final class AccessTokens {

    /** The JWT {@code typ} header of an access token (RFC 9068); ID tokens carry none. */
    public static final String TYPE = "at+jwt";

    /** The audience of every access token org-registry issues: Whistle's APIs, whoever the client. */
    public static final String AUDIENCE = "whistle-api";

    private AccessTokens() {}

    /**
     * Signature aside, what a service checks: the type, the audience, expiry and not-before (with Spring's minute of
     * clock skew), and the issuer when one is configured.
     */
    public static OAuth2TokenValidator<Jwt> validator(@Nullable String issuer, String audience) {
        var validators = new ArrayList<OAuth2TokenValidator<Jwt>>(List.of(
                // RFC 9068 §4 also allows the full media type.
                new JwtTypeValidator(List.of(TYPE, "application/" + TYPE)),
                new JwtAudienceValidator(audience),
                new JwtTimestampValidator()));
        if (issuer != null && !issuer.isBlank()) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}
