package org.whistle.gateway.signin;

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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
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
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small, strict authorization server standing in for org-registry: it checks the client secret, the redirect URI
 * and the PKCE verifier, signs RS256 tokens with Whistle's claims and publishes its key. Org-registry itself is
 * exercised against the gateway in the system tests.
 */
final class StandInIssuer implements AutoCloseable {

    static final String CLIENT_ID = "whistle-gateway";
    static final String CLIENT_SECRET = "stand-in-gateway-secret";

    private final RSAKey key;
    private final HttpServer server;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

    /** The access token lifetime the next sign-in gets. */
    final AtomicInteger accessTokenSeconds = new AtomicInteger(300);

    final AtomicInteger refreshGrants = new AtomicInteger();
    volatile boolean refusesRefresh;
    volatile String lastAccessToken = "";
    volatile String loginPageCalls = "";

    StandInIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("stand-in").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/oauth2/authorize", this::authorize);
        server.createContext("/oauth2/token", this::token);
        server.createContext(
                "/oauth2/jwks", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/login", exchange -> {
            loginPageCalls = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            answer(exchange, 200, "org-registry login page");
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Signs the person in at once and sends the browser back with a code, as org-registry does after its form. */
    private void authorize(HttpExchange exchange) throws IOException {
        var query = query(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id"))
                || !"S256".equals(query.get("code_challenge_method"))
                || query.get("code_challenge") == null) {
            answer(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        var code = UUID.randomUUID().toString();
        codes.put(code, query);
        var location = query.get("redirect_uri") + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        var expected = "Basic "
                + Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        var form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if ("refresh_token".equals(form.get("grant_type"))) {
            refreshGrants.incrementAndGet();
            var subject = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
            if (subject == null || refusesRefresh) {
                answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
                return;
            }
            answer(exchange, 200, tokens(subject, null, 300));
            return;
        }
        var authorization = codes.remove(form.getOrDefault("code", ""));
        if (authorization == null
                || !authorization.get("redirect_uri").equals(form.get("redirect_uri"))
                || !challenge(form.getOrDefault("code_verifier", "")).equals(authorization.get("code_challenge"))) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        answer(exchange, 200, tokens("jh.street.dispatcher", authorization.get("nonce"), accessTokenSeconds.get()));
    }

    private String tokens(String subject, String nonce, int accessSeconds) {
        var now = Instant.now();
        var access = sign(new JWTClaimsSet.Builder()
                .issuer(uri())
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(accessSeconds)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("STREET_DISPATCHER"))
                .claim("org_scope", List.of("230203003"))
                .build());
        var id = new JWTClaimsSet.Builder()
                .issuer(uri())
                .subject(subject)
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(1800)))
                .claim("name", "王建国")
                .claim("roles", List.of("STREET_DISPATCHER"))
                .claim("org_scope", List.of("230203003"))
                .claim("unit", "QQ-230203003-ZHZX");
        if (nonce != null) {
            id.claim("nonce", nonce);
        }
        var refresh = UUID.randomUUID().toString();
        refreshTokens.put(refresh, subject);
        lastAccessToken = access;
        var body = new LinkedHashMap<String, Object>();
        body.put("access_token", access);
        body.put("token_type", "Bearer");
        body.put("expires_in", accessSeconds);
        body.put("refresh_token", refresh);
        body.put("scope", "openid profile");
        body.put("id_token", sign(id.build()));
        return JsonMapper.shared().writeValueAsString(body);
    }

    private String sign(JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> query(String raw) {
        var values = new LinkedHashMap<String, String>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (var pair : raw.split("&")) {
            var at = pair.indexOf('=');
            var name = at < 0 ? pair : pair.substring(0, at);
            var value = at < 0 ? "" : pair.substring(at + 1);
            values.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("{") ? "application/json" : "text/html");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static URI resolve(String base, String location) {
        return URI.create(base).resolve(location);
    }
}
