package org.whistle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class AccessTokensTest {

    private static final String ISSUER = "https://whistle.example.cn";

    @Test
    void acceptsAnAccessTokenForTheApisFromTheIssuer() {
        assertThat(valid(token("at+jwt", List.of("whistle-console", "whistle-api"), ISSUER, 600)))
                .isTrue();
        assertThat(valid(token("application/at+jwt", List.of("whistle-api"), ISSUER, 600)))
                .isTrue();
    }

    @Test
    void acceptsTheAccessTokenClaimWhateverTheHeader() {
        assertThat(valid(withClaim(token(null, List.of("whistle-api"), ISSUER, 600), "access")))
                .isTrue();
        assertThat(valid(withClaim(token("JWT", List.of("whistle-api"), ISSUER, 600), "access")))
                .isTrue();
    }

    @Test
    void refusesATokenThatDoesNotSayItIsAnAccessToken() {
        assertThat(valid(token(null, List.of("whistle-api"), ISSUER, 600))).isFalse();
        assertThat(valid(token("JWT", List.of("whistle-api"), ISSUER, 600))).isFalse();
        assertThat(valid(withClaim(token("JWT", List.of("whistle-api"), ISSUER, 600), "id")))
                .isFalse();
    }

    @Test
    void refusesATokenForAnotherAudience() {
        assertThat(valid(token("at+jwt", List.of("whistle-gateway"), ISSUER, 600)))
                .isFalse();
        assertThat(valid(token("at+jwt", List.of(), ISSUER, 600))).isFalse();
    }

    @Test
    void refusesAnotherIssuerOnlyWhenOneIsConfigured() {
        var foreign = token("at+jwt", List.of("whistle-api"), "https://elsewhere.example", 600);

        assertThat(valid(foreign)).isFalse();
        assertThat(AccessTokens.validator(null, AccessTokens.AUDIENCE)
                        .validate(foreign)
                        .hasErrors())
                .isFalse();
    }

    @Test
    void refusesAnExpiredToken() {
        assertThat(valid(token("at+jwt", List.of("whistle-api"), ISSUER, -120))).isFalse();
    }

    private static boolean valid(Jwt jwt) {
        return !AccessTokens.validator(ISSUER, AccessTokens.AUDIENCE)
                .validate(jwt)
                .hasErrors();
    }

    private static Jwt withClaim(Jwt jwt, String tokenUse) {
        return Jwt.withTokenValue(jwt.getTokenValue())
                .headers(headers -> headers.putAll(jwt.getHeaders()))
                .claims(claims -> claims.putAll(jwt.getClaims()))
                .claim(AccessTokens.TOKEN_USE, tokenUse)
                .build();
    }

    private static Jwt token(@Nullable String type, List<String> audience, String issuer, long secondsLeft) {
        var now = Instant.now();
        var builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("someone")
                .issuer(issuer)
                .audience(audience)
                .issuedAt(now.minusSeconds(Math.max(0, -secondsLeft) + 60))
                .expiresAt(now.plusSeconds(secondsLeft));
        if (type != null) {
            builder.header("typ", type);
        }
        return builder.build();
    }
}
