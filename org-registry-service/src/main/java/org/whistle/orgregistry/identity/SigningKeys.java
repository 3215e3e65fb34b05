package org.whistle.orgregistry.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.security.AccessTokens;

/**
 * The RSA key that signs every token this service issues and that its own API verifies tokens with. A configured
 * key (a private RSA JWK in JSON) wins; without one, the first replica to start generates a key and stores it,
 * and every later start and every other replica uses that one.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeys {

    @Bean
    RSAKey signingKey(
            @Value("${whistle.identity.signing-key:}") String configuredKey,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        return configuredKey.isBlank() ? storedOrGenerated(jdbc, transactions, clock) : parse(configuredKey);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey signingKey) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey));
    }

    /**
     * Checks bearer tokens on this service's own API and user-info endpoint as every other service does: access
     * tokens for Whistle's APIs only ({@link AccessTokens}), so an ID token opens nothing here either.
     */
    @Bean
    JwtDecoder jwtDecoder(RSAKey signingKey, IdentityProperties properties) throws JOSEException {
        var decoder =
                NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
        decoder.setJwtValidator(AccessTokens.validator(properties.issuer(), AccessTokens.AUDIENCE));
        return decoder;
    }

    private static RSAKey storedOrGenerated(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        return transactions.execute(status -> {
            var stored = jdbc.sql("SELECT jwk FROM signing_key ORDER BY created_at LIMIT 1")
                    .query(String.class)
                    .optional();
            if (stored.isPresent()) {
                return parse(stored.get());
            }
            var generated = generate();
            jdbc.sql("INSERT INTO signing_key (key_id, jwk, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(generated.getKeyID(), generated.toJSONString(), java.sql.Timestamp.from(clock.instant()))
                    .update();
            // A replica starting at the same moment may have won; everyone signs with the oldest key.
            return parse(jdbc.sql("SELECT jwk FROM signing_key ORDER BY created_at, key_id LIMIT 1")
                    .query(String.class)
                    .single());
        });
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("the signing key is not a private RSA JWK", e);
        }
    }
}
