package org.whistle.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An issuer of real signed tokens for tests, as org-registry issues them: RS256, access tokens marked
 * {@code token_use: access} for the audience {@code whistle-api}, the claims {@code roles}, {@code org_scope}, {@code unit}, {@code name}, and
 * a JWK set served over HTTP that services under test fetch, so
 * they check signatures exactly as in production. One per test JVM; {@link RealInfrastructure} points services at it.
 */
public final class TestIssuer {

    private static @Nullable TestIssuer instance;

    private final RSAKey key;
    private final URI jwksUri;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            var jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (var body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.setExecutor(null);
            server.start();
            jwksUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/jwks");
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized TestIssuer get() {
        if (instance == null) {
            instance = new TestIssuer();
        }
        return instance;
    }

    public URI jwksUri() {
        return jwksUri;
    }

    /** The audience org-registry gives every access token (service-security's {@code AccessTokens.AUDIENCE}). */
    public static final String API_AUDIENCE = "whistle-api";

    /** An access token valid for ten minutes. */
    public String token(String subject, List<String> roles, List<String> orgScope, @Nullable String unit) {
        return sign(
                true,
                API_AUDIENCE,
                subject,
                roles,
                orgScope,
                unit,
                Instant.now().plus(Duration.ofMinutes(10)));
    }

    /** An access token like {@link #token} carrying further claims, e.g. a WeChat resident's {@code wechat_openid}. */
    public String tokenWithClaims(
            String subject, List<String> roles, List<String> orgScope, java.util.Map<String, Object> more) {
        return sign(
                true,
                API_AUDIENCE,
                subject,
                roles,
                orgScope,
                null,
                Instant.now().plus(Duration.ofMinutes(10)),
                more);
    }

    /** A token that expired a minute ago, otherwise like {@link #token}. */
    public String expiredToken(String subject, List<String> roles, List<String> orgScope) {
        return sign(
                true,
                API_AUDIENCE,
                subject,
                roles,
                orgScope,
                null,
                Instant.now().minus(Duration.ofMinutes(1)));
    }

    /**
     * An ID token as org-registry issues one to a client that signs people in: the same key and claims, but no
     * {@code token_use} and the client as its audience. Services must refuse it.
     */
    public String idToken(String subject, List<String> roles, List<String> orgScope) {
        return sign(
                false,
                "whistle-gateway",
                subject,
                roles,
                orgScope,
                null,
                Instant.now().plus(Duration.ofMinutes(10)));
    }

    /** An access token valid for ten minutes for another audience. Services must refuse it. */
    public String tokenForAudience(String audience, String subject, List<String> roles, List<String> orgScope) {
        return sign(
                true, audience, subject, roles, orgScope, null, Instant.now().plus(Duration.ofMinutes(10)));
    }

    private String sign(
            boolean accessToken,
            String audience,
            String subject,
            List<String> roles,
            List<String> orgScope,
            @Nullable String unit,
            Instant expiresAt) {
        return sign(accessToken, audience, subject, roles, orgScope, unit, expiresAt, java.util.Map.of());
    }

    private String sign(
            boolean accessToken,
            String audience,
            String subject,
            List<String> roles,
            List<String> orgScope,
            @Nullable String unit,
            Instant expiresAt,
            java.util.Map<String, Object> more) {
        var claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("http://whistle-test-issuer")
                .audience(audience)
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(expiresAt))
                .claim("roles", roles)
                .claim("org_scope", orgScope)
                .claim("name", subject);
        if (unit != null) {
            claims.claim("unit", unit);
        }
        if (accessToken) {
            claims.claim("token_use", "access");
        }
        more.forEach(claims::claim);
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
