package org.whistle.systemtests.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Tokens of the demo city's accounts, got through the gateway as people and systems get them: a person signs in with
 * OAuth2 authorization code + PKCE on the public client {@code whistle-console} (the login page, its CSRF field, the
 * redirect with the code, the code exchange); a unit system uses client credentials. Each token is kept until a
 * minute before it expires. (The approach of system-tests' {@code DemoLogin}, copied: the bench does not depend on
 * test sources.)
 */
final class Tokens {

    private static final String CONSOLE_CLIENT = "whistle-console";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI gateway;
    private final JsonNode accounts;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Tokens(URI gateway, Path accountsFile) {
        this.gateway = gateway;
        this.accounts = Http.JSON.readTree(accountsFile.toFile());
    }

    private record Token(String value, Instant expiresAt) {
        boolean fresh() {
            return Instant.now().plus(RENEW_BEFORE_EXPIRY).isBefore(expiresAt);
        }
    }

    /** A token of the demo user or client named {@code account}. */
    String of(String account) {
        var held = tokens.get(account);
        if (held != null && held.fresh()) {
            return held.value();
        }
        synchronized (this) {
            held = tokens.get(account);
            if (held != null && held.fresh()) {
                return held.value();
            }
            var token = isUser(account) ? signIn(account) : credentials(account);
            tokens.put(account, token);
            return token.value();
        }
    }

    private boolean isUser(String account) {
        return accounts.path("users").values().stream()
                .anyMatch(u -> u.path("username").asString().equals(account));
    }

    private JsonNode find(String group, String key, String name) {
        return accounts.path(group).values().stream()
                .filter(u -> u.path(key).asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo account " + name));
    }

    private URI redirectUri() {
        return gateway.resolve("/console/callback");
    }

    private Token signIn(String username) {
        var password = find("users", "username", username).path("password").asString();
        var cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var verifier = randomUrlSafe(32);
        var state = randomUrlSafe(16);
        var authorize = gateway.resolve("/oauth2/authorize?"
                + form(ordered(
                        "response_type",
                        "code",
                        "client_id",
                        CONSOLE_CLIENT,
                        "redirect_uri",
                        redirectUri().toString(),
                        "scope",
                        "openid profile",
                        "state",
                        state,
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256")));
        var toLogin = send(http, get(authorize), 302, "authorize before signing in");
        var page = send(http, get(gateway.resolve(location(toLogin))), 200, "the login page");
        var csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("the login page has no _csrf field");
        }
        var loggedIn = send(
                http,
                HttpRequest.newBuilder(gateway.resolve("/login"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(ordered("username", username, "password", password, "_csrf", csrf.group(1)))))
                        .build(),
                302,
                "POST /login as " + username);
        var toConsole = send(http, get(gateway.resolve(location(loggedIn))), 302, "authorize after signing in");
        var callback = URI.create(location(toConsole));
        var query = query(callback);
        if (!state.equals(query.get("state")) || query.get("code") == null) {
            throw new IllegalStateException("unexpected sign-in redirect " + callback);
        }
        return token(send(
                http,
                HttpRequest.newBuilder(gateway.resolve("/oauth2/token"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(ordered(
                                "grant_type",
                                "authorization_code",
                                "code",
                                query.get("code"),
                                "redirect_uri",
                                redirectUri().toString(),
                                "client_id",
                                CONSOLE_CLIENT,
                                "code_verifier",
                                verifier))))
                        .build(),
                200,
                "the code exchange for " + username));
    }

    private Token credentials(String clientId) {
        var secret = find("clients", "clientId", clientId).path("secret").asString();
        var basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return token(send(
                http,
                HttpRequest.newBuilder(gateway.resolve("/oauth2/token"))
                        .timeout(TIMEOUT)
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                200,
                "client credentials of " + clientId));
    }

    private static Token token(HttpResponse<String> response) {
        var json = Http.JSON.readTree(response.body());
        return new Token(
                json.path("access_token").asString(),
                Instant.now().plusSeconds(json.path("expires_in").asLong(0)));
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request, int expected, String step) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(step + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + step, e);
        }
        if (response.statusCode() != expected) {
            throw new IllegalStateException(step + ": " + request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + " (expected " + expected + "), Location "
                    + response.headers().firstValue("Location").orElse("-"));
        }
        return response;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no Location in the answer to " + response.uri()));
    }

    private static Map<String, String> query(URI uri) {
        var values = new LinkedHashMap<String, String>();
        var raw = uri.getRawQuery();
        if (raw != null) {
            for (var pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(
                            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomUrlSafe(int bytes) {
        var random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
