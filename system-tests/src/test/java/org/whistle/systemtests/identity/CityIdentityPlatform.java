package org.whistle.systemtests.identity;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.whistle.systemtests.Gateway;

/**
 * The city's identity platform (统一身份认证) for the system tests: an OpenID provider in the test's own process, on
 * the port the build reserved and told org-registry about ({@code WHISTLE_IDENTITY_UPSTREAM_ISSUERURI} in the pom).
 * It has its own people and passwords and its own sign-in form; Whistle's client signs in with a secret and PKCE; ID
 * tokens are RS256 under a key published at {@code /jwks}. Nothing here knows Whistle's accounts: a person's
 * {@code preferred_username} is only what the platform says about them.
 */
final class CityIdentityPlatform implements AutoCloseable {

    /** Whistle's client at the platform, as the pom configures org-registry. */
    static final String CLIENT_ID = "whistle-at-city";

    static final String CLIENT_SECRET = "system-test-secret-at-the-city";

    /** Someone the platform knows, with the subject it gives them and the claims it states. */
    record Person(String login, String password, String subject, Map<String, Object> claims) {}

    private record Pending(String redirectUri, String state, String nonce, String challenge) {}

    private record Grant(Person person, Pending request) {}

    private final HttpServer server;
    private final KeyPair key;
    private final String keyId = "city-" + UUID.randomUUID();
    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    private CityIdentityPlatform(int port) throws IOException, GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", this::jwks);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    /** On the port the build reserved for it ({@code whistle.upstream-port}). */
    static CityIdentityPlatform start() {
        var port = System.getProperty("whistle.upstream-port");
        if (port == null || port.isBlank()) {
            throw new IllegalStateException("no whistle.upstream-port: run through failsafe, which reserves it");
        }
        try {
            return new CityIdentityPlatform(Integer.parseInt(port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void add(Person person) {
        people.put(person.login(), person);
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
        answer(exchange, 200, "application/json", Gateway.JSON.writeValueAsString(document));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        var publicKey = (RSAPublicKey) key.getPublic();
        var jwk = Map.of(
                "kty",
                "RSA",
                "kid",
                keyId,
                "use",
                "sig",
                "alg",
                "RS256",
                "n",
                unsigned(publicKey.getModulus()),
                "e",
                unsigned(publicKey.getPublicExponent()));
        answer(exchange, 200, "application/json", Gateway.JSON.writeValueAsString(Map.of("keys", List.of(jwk))));
    }

    /** GET: the platform's own sign-in form for Whistle's authorization request. POST: the person signs in. */
    private void authorize(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("GET")) {
            var query = form(exchange.getRequestURI().getRawQuery());
            if (!CLIENT_ID.equals(query.get("client_id"))
                    || !"code".equals(query.get("response_type"))
                    || !"S256".equals(query.get("code_challenge_method"))
                    || query.get("nonce") == null
                    || query.get("state") == null
                    || query.get("redirect_uri") == null) {
                answer(exchange, 400, "text/plain", "not an authorization-code request with PKCE and a nonce");
                return;
            }
            var id = UUID.randomUUID().toString();
            pending.put(
                    id,
                    new Pending(
                            query.get("redirect_uri"),
                            query.get("state"),
                            query.get("nonce"),
                            query.get("code_challenge")));
            answer(exchange, 200, "text/html; charset=utf-8", """
                    <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>统一身份认证</title></head>
                    <body><form method="post" action="/authorize">
                    <input type="hidden" name="request" value="%s">
                    <input name="login"><input name="password" type="password"><button>登录</button>
                    </form></body></html>
                    """.formatted(id));
            return;
        }
        var body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        var request = pending.remove(String.valueOf(body.get("request")));
        var person = people.get(String.valueOf(body.get("login")));
        if (request == null || person == null || !person.password().equals(body.get("password"))) {
            answer(exchange, 200, "text/html; charset=utf-8", "<p>用户名或密码错误</p>");
            return;
        }
        var code = UUID.randomUUID().toString();
        codes.put(code, new Grant(person, request));
        exchange.getResponseHeaders()
                .set(
                        "Location",
                        request.redirectUri() + "?code=" + code + "&state="
                                + URLEncoder.encode(request.state(), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        var body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        var basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        var grant = codes.remove(String.valueOf(body.get("code")));
        if (grant == null
                || !grant.request().redirectUri().equals(body.get("redirect_uri"))
                || body.get("code_verifier") == null
                || !grant.request().challenge().equals(sha256(body.get("code_verifier")))) {
            answer(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        var now = Instant.now().getEpochSecond();
        var claims = new LinkedHashMap<String, Object>(grant.person().claims());
        claims.put("iss", issuer());
        claims.put("sub", grant.person().subject());
        claims.put("aud", CLIENT_ID);
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put("nonce", grant.request().nonce());
        answer(
                exchange,
                200,
                "application/json",
                Gateway.JSON.writeValueAsString(Map.of(
                        "access_token",
                        UUID.randomUUID().toString(),
                        "token_type",
                        "Bearer",
                        "expires_in",
                        300,
                        "id_token",
                        signed(claims))));
    }

    private String signed(Map<String, Object> claims) {
        var header = Map.of("alg", "RS256", "kid", keyId, "typ", "JWT");
        var encoder = Base64.getUrlEncoder().withoutPadding();
        var content = encoder.encodeToString(Gateway.JSON.writeValueAsBytes(header)) + "."
                + encoder.encodeToString(Gateway.JSON.writeValueAsBytes(claims));
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.getPrivate());
            signature.update(content.getBytes(StandardCharsets.US_ASCII));
            return content + "." + encoder.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger value) {
        var bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
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

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
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
