package org.whistle.orgregistry.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The city's identity platform as far as a test needs one: an OpenID provider on a port of its own with discovery,
 * its signing key at {@code /jwks} and a token endpoint that checks the client's secret, the redirect URI and the
 * PKCE verifier before it hands out an ID token. The person's part at its authorize page is played by
 * {@link #approve}: it reads Whistle's authorization request and answers where the provider would send the browser
 * back to. A test may spoil the ID token (another audience, nonce or key) to see Whistle refuse it.
 */
final class CityIdentityPlatform implements AutoCloseable {

    static final String CLIENT_ID = "whistle-at-city";
    static final String CLIENT_SECRET = "secret-whistle-holds-at-the-city";

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    /** The token requests Whistle made, for tests to look at. */
    final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();

    private record Grant(
            String subject,
            Map<String, Object> claims,
            String nonce,
            String redirectUri,
            String challenge,
            UnaryOperator<JWTClaimsSet.Builder> spoil,
            RSAKey signer) {}

    private CityIdentityPlatform() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("city-" + UUID.randomUUID()).generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/token", this::token);
        server.start();
    }

    static CityIdentityPlatform start() {
        try {
            return new CityIdentityPlatform();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The person signs in at the platform and consents: the URL the browser is sent back to Whistle with. */
    String approve(String authorizeUrl, String subject, Map<String, Object> claims) {
        return approve(authorizeUrl, subject, claims, UnaryOperator.identity(), key);
    }

    /**
     * As {@link #approve(String, String, Map)}, with the ID token's claims changed, or signed by another key (null:
     * the platform's).
     */
    String approve(
            String authorizeUrl,
            String subject,
            Map<String, Object> claims,
            UnaryOperator<JWTClaimsSet.Builder> spoil,
            @Nullable RSAKey signer) {
        var uri = URI.create(authorizeUrl);
        if (!authorizeUrl.startsWith(issuer() + "/authorize?")) {
            throw new AssertionError("not this platform's authorize endpoint: " + authorizeUrl);
        }
        var query = form(uri.getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))) {
            throw new AssertionError("not an authorization-code request of Whistle's client: " + authorizeUrl);
        }
        if (!"S256".equals(query.get("code_challenge_method")) || query.get("nonce") == null) {
            throw new AssertionError("no PKCE challenge or nonce in " + authorizeUrl);
        }
        var code = UUID.randomUUID().toString();
        codes.put(
                code,
                new Grant(
                        subject,
                        claims,
                        query.get("nonce"),
                        query.get("redirect_uri"),
                        query.get("code_challenge"),
                        spoil,
                        signer == null ? key : signer));
        return query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
    }

    /** The person declines at the platform: it sends them back with an error. */
    String decline(String authorizeUrl) {
        var query = form(URI.create(authorizeUrl).getRawQuery());
        return query.get("redirect_uri") + "?error=access_denied&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
    }

    static RSAKey anotherKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("not-the-city").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        var document = new LinkedHashMap<String, Object>();
        document.put("issuer", issuer());
        document.put("authorization_endpoint", issuer() + "/authorize");
        document.put("token_endpoint", issuer() + "/token");
        document.put("jwks_uri", issuer() + "/jwks");
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("scopes_supported", List.of("openid", "profile"));
        answer(exchange, 200, JSON.writeValueAsString(document));
    }

    private void token(HttpExchange exchange) throws IOException {
        var body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenRequests.add(body);
        var basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8) + ":"
                                        + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        var grant = codes.remove(String.valueOf(body.get("code")));
        if (grant == null
                || !"authorization_code".equals(body.get("grant_type"))
                || !grant.redirectUri().equals(body.get("redirect_uri"))
                || body.get("code_verifier") == null
                || !grant.challenge().equals(challenge(body.get("code_verifier")))) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        var now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(grant.subject())
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", grant.nonce());
        grant.claims().forEach(claims::claim);
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(grant.signer().getKeyID())
                        .build(),
                grant.spoil().apply(claims).build());
        try {
            jwt.sign(new RSASSASigner(grant.signer()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        answer(
                exchange,
                200,
                JSON.writeValueAsString(Map.of(
                        "access_token",
                        UUID.randomUUID().toString(),
                        "token_type",
                        "Bearer",
                        "expires_in",
                        300,
                        "scope",
                        "openid profile",
                        "id_token",
                        jwt.serialize())));
    }

    private static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        var values = new LinkedHashMap<String, String>();
        if (raw != null && !raw.isEmpty()) {
            for (var pair : raw.split("&")) {
                var equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(
                            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
