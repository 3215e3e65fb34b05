package org.whistle.orgregistry;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.whistle.security.AccessTokens;
import org.whistle.security.Role;
import org.whistle.security.TokenClaims;

/**
 * Signs tokens with the service's own key, as its authorization server would, for tests of the API that are not
 * about how tokens are obtained. Tests of issuance go through the real token endpoint.
 */
public final class TestTokens {

    private final NimbusJwtEncoder encoder;

    public TestTokens(RSAKey signingKey) {
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)));
    }

    public String administrator() {
        return token("test-admin", List.of(Role.ADMINISTRATOR), List.of("230200"));
    }

    public String token(String subject, List<Role> roles, List<String> scope) {
        var now = Instant.now();
        var claims = JwtClaimsSet.builder()
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(10, ChronoUnit.MINUTES))
                .audience(List.of(AccessTokens.AUDIENCE))
                .claim(AccessTokens.TOKEN_USE, AccessTokens.ACCESS)
                .claim(TokenClaims.ROLES, roles.stream().map(Role::name).toList())
                .claim(TokenClaims.ORG_SCOPE, scope)
                .build();
        return encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue();
    }
}
