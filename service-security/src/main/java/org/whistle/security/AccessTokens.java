package org.whistle.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * What makes a token an access token for Whistle's APIs, shared by org-registry, which issues them, and every service
 * that checks them. org-registry signs ID tokens, people's access tokens and systems' client-credentials tokens with
 * the same key, so the signature alone does not say what a token is for: an ID token (audience: the client that
 * signed the person in) proves who signed in to that client, and must not open an API, not even while its holder is
 * signed out. An access token says what it is — the claim {@value #TOKEN_USE} {@code = "access"}, or the header
 * {@code typ: at+jwt} of RFC 9068 — and names the APIs as its audience ({@value #AUDIENCE}); a token without both is
 * refused with 401.
 *
 * <p>org-registry marks its access tokens with the claim: services running the code before this check accept
 * tokens of any {@code typ} other than {@code at+jwt}, so the claim lets org-registry be upgraded first and the
 * services after it, as rolling upgrades do (ADR 0012). Services accept the header as well, so a later org-registry can
 * add it once every service checks this way.
 */
public final class AccessTokens {

    /** The claim that says what a token is for; ID tokens do not carry it. */
    public static final String TOKEN_USE = "token_use";

    /** {@value #TOKEN_USE} of an access token. */
    public static final String ACCESS = "access";

    /** The JWT {@code typ} header of an access token in RFC 9068. */
    public static final String TYPE = "at+jwt";

    /** The audience of every access token org-registry issues: Whistle's APIs, whoever the client. */
    public static final String AUDIENCE = "whistle-api";

    private AccessTokens() {}

    /**
     * Signature aside, what a service checks: that the token is an access token, the audience, expiry and not-before
     * (with Spring's minute of clock skew), and the issuer when one is configured.
     */
    public static OAuth2TokenValidator<Jwt> validator(@Nullable String issuer, String audience) {
        return validator(issuer, audience, Clock.systemUTC());
    }

    /** As {@link #validator(String, String)}, telling the time by {@code clock}. */
    static OAuth2TokenValidator<Jwt> validator(@Nullable String issuer, String audience, Clock clock) {
        var timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        var validators = new ArrayList<OAuth2TokenValidator<Jwt>>(
                List.of(AccessTokens::isAccessToken, new JwtAudienceValidator(audience), timestamps));
        if (issuer != null && !issuer.isBlank()) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static OAuth2TokenValidatorResult isAccessToken(Jwt token) {
        var type = String.valueOf(token.getHeaders().get("typ"));
        if (ACCESS.equals(token.getClaimAsString(TOKEN_USE))
                || TYPE.equalsIgnoreCase(type)
                || ("application/" + TYPE).equalsIgnoreCase(type)) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(
                OAuth2ErrorCodes.INVALID_TOKEN, "Not an access token (an ID token, or another kind of token)", null));
    }
}
