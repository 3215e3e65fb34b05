package org.whistle.systemtests.access;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import org.whistle.systemtests.Gateway;
import org.whistle.systemtests.Platform;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tokens every service must refuse, made from a real one: the same claims with an expiry in the past, signed with
 * org-registry's own key (read from its database, as only a test may), and the same claims signed with a key that is
 * not org-registry's, under org-registry's key id; and, signed with org-registry's key, an ID token and an access
 * token for another audience.
 */
final class BadTokens {

    private static final Base64.Decoder URL = Base64.getUrlDecoder();
    private static final Base64.Encoder URL_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private BadTokens() {}

    /** Signed by org-registry, and expired ten minutes ago. */
    static String expired(Platform platform, String real) {
        var now = Instant.now().getEpochSecond();
        var claims = claims(real).put("iat", now - 1200).put("nbf", now - 1200).put("exp", now - 600);
        return sign(header(real), claims, signingKey(platform));
    }

    /**
     * The same claims, valid for ten more minutes, signed again with org-registry's key: accepted like the original,
     * which shows that an expired token made this way is refused for its expiry alone.
     */
    static String resigned(Platform platform, String real) {
        var claims = claims(real).put("exp", Instant.now().getEpochSecond() + 600);
        return sign(header(real), claims, signingKey(platform));
    }

    /** Valid for ten more minutes, and signed with a key nobody published. */
    static String forged(String real) {
        var now = Instant.now().getEpochSecond();
        var claims = claims(real).put("exp", now + 600);
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(header(real), claims, generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Shaped as org-registry's ID token for the same sign-in: its key, the person's claims and expiry, but the client
     * alone as audience and nothing saying it is an access token ({@code token_use}, {@code typ: at+jwt}). It proves
     * who signed in to that client, and opens no API.
     */
    static String idToken(Platform platform, String real) {
        var header = (ObjectNode) Gateway.JSON.readTree(header(real));
        header.remove("typ");
        var claims = claims(real);
        claims.remove("token_use");
        var clients = claims.putArray("aud");
        // The access token names the client and the APIs; its ID token only the client.
        claims(real).path("aud").forEach(audience -> {
            if (!audience.asString().equals("whistle-api")) {
                clients.add(audience.asString());
            }
        });
        return sign(header.toString(), claims, signingKey(platform));
    }

    /** A real access token's header, claims and expiry, signed by org-registry's key, for an audience not Whistle's. */
    static String otherAudience(Platform platform, String real) {
        var claims = claims(real);
        claims.putArray("aud").add("some-other-api");
        return sign(header(real), claims, signingKey(platform));
    }

    private static String header(String token) {
        return new String(URL.decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    private static ObjectNode claims(String token) {
        return (ObjectNode)
                Gateway.JSON.readTree(new String(URL.decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static String sign(String header, ObjectNode claims, PrivateKey key) {
        var signingInput = URL_ENCODER.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL_ENCODER.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL_ENCODER.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** org-registry's private signing key, the oldest in its {@code signing_key} table (as it signs with). */
    private static PrivateKey signingKey(Platform platform) {
        var stack = platform.stack();
        String jwk;
        try (var connection = DriverManager.getConnection(
                        stack.jdbcUrls().get("org_registry"), stack.databaseUsername(), stack.databasePassword());
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT jwk FROM signing_key ORDER BY created_at, key_id LIMIT 1")) {
            if (!rows.next()) {
                throw new IllegalStateException("org-registry holds no signing key");
            }
            jwk = rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read org-registry's signing key", e);
        }
        var key = Gateway.JSON.readTree(jwk);
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new RSAPrivateCrtKeySpec(
                            number(key.path("n").asString()),
                            number(key.path("e").asString()),
                            number(key.path("d").asString()),
                            number(key.path("p").asString()),
                            number(key.path("q").asString()),
                            number(key.path("dp").asString()),
                            number(key.path("dq").asString()),
                            number(key.path("qi").asString())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger number(String base64Url) {
        return new BigInteger(1, URL.decode(base64Url));
    }
}
