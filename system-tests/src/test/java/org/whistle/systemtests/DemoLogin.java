package org.whistle.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/**
 * Signs the demo city's people in as the console does — OAuth2 authorization code with PKCE, every step through the
 * gateway — and its unit systems with client credentials; keeps one token per account until shortly before it
 * expires.
 *
 * <p>The person's steps: {@code GET /oauth2/authorize} → 302 to {@code /login} → the login page, whose form carries a
 * CSRF field → {@code POST /login} with the session cookie → 302 back to {@code /oauth2/authorize} → 302 to the
 * console's redirect URI with the code, which is read and not followed → {@code POST /oauth2/token} with the code
 * verifier.
 */
public final class DemoLogin {

    /** org-registry's public PKCE client, registered by the local stack. */
    public static final String CONSOLE_CLIENT = "whistle-console";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI gateway;
    private final DemoAccounts accounts;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> registeredSecrets = new ConcurrentHashMap<>();

    public DemoLogin(URI gateway, DemoAccounts accounts) {
        this.gateway = gateway;
        this.accounts = accounts;
    }

    /** The console's redirect URI on this gateway. */
    public URI redirectUri() {
        return gateway.resolve("/console/callback");
    }

    /** An access token of the demo user, signed in through the login page once and kept while it is valid. */
    public String user(String username) {
        return tokens.compute("user:" + username, (key, held) -> held != null && held.fresh() ? held : signIn(username))
                .value();
    }

    /** An access token of a demo client (a department system, or a Whistle service), by client credentials. */
    public String client(String clientId) {
        return tokens.compute(
                        "client:" + clientId,
                        (key, held) -> held != null && held.fresh() ? held : credentials(clientId))
                .value();
    }

    /** Makes a client that a test registered at run time (its secret is shown once) known by its id. */
    public void registered(String clientId, String secret) {
        registeredSecrets.put(clientId, secret);
    }

    /** A token for the account: a demo user's by logging in, a client's by client credentials. */
    public String token(String account) {
        return accounts.users().stream().anyMatch(user -> user.username().equals(account))
                ? user(account)
                : client(account);
    }

    private record Token(String value, Instant expiresAt) {
        boolean fresh() {
            return Instant.now().plus(RENEW_BEFORE_EXPIRY).isBefore(expiresAt);
        }
    }

    private Token signIn(String username) {
        var user = accounts.user(username);
        var cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        var http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var verifier = randomUrlSafe(32);
        var state = randomUrlSafe(16);
        var authorize = gateway.resolve("/oauth2/authorize?"
                + Gateway.formEncoded(ordered(
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
        var loginPage = throughGateway(location(toLogin));
        var page = send(http, get(loginPage), 200, "the login page");
        var csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("the login page has no _csrf field:\n" + page.body());
        }
        var form = ordered("username", user.username(), "password", user.password(), "_csrf", csrf.group(1));
        var loggedIn = send(
                http,
                HttpRequest.newBuilder(gateway.resolve("/login"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(BodyPublishers.ofString(Gateway.formEncoded(form)))
                        .build(),
                302,
                "POST /login as " + username);
        var resumed = throughGateway(location(loggedIn));
        if (resumed.getPath().equals("/login")) {
            throw new AssertionError("login of " + username + " was refused: " + resumed);
        }
        var toConsole = send(http, get(resumed), 302, "authorize after signing in");
        var callback = location(toConsole);
        if (!callback.toString().startsWith(redirectUri().toString())) {
            throw new AssertionError("expected a redirect to " + redirectUri() + " but got " + callback);
        }
        var query = query(callback);
        if (!state.equals(query.get("state"))) {
            throw new AssertionError("the state came back as " + query.get("state") + ", not " + state);
        }
        var code = query.get("code");
        if (code == null) {
            throw new AssertionError("no code in " + callback);
        }
        var exchange = ordered(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", redirectUri().toString(),
                "client_id", CONSOLE_CLIENT,
                "code_verifier", verifier);
        return token(send(
                http,
                HttpRequest.newBuilder(gateway.resolve("/oauth2/token"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(BodyPublishers.ofString(Gateway.formEncoded(exchange)))
                        .build(),
                200,
                "the code exchange for " + username));
    }

    private Token credentials(String clientId) {
        var secret = registeredSecrets.containsKey(clientId)
                ? registeredSecrets.get(clientId)
                : accounts.client(clientId).secret();
        var basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return token(send(
                http,
                HttpRequest.newBuilder(gateway.resolve("/oauth2/token"))
                        .timeout(TIMEOUT)
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                200,
                "client credentials of " + clientId));
    }

    private static Token token(HttpResponse<String> response) {
        var json = Gateway.JSON.readTree(response.body());
        var expiresIn = json.path("expires_in").asLong(0);
        return new Token(json.path("access_token").asString(), Instant.now().plusSeconds(expiresIn));
    }

    /** Redirects must stay on the gateway: the platform's one public entry is also where people sign in. */
    private URI throughGateway(URI location) {
        var resolved = gateway.resolve(location);
        if (resolved.getPort() != gateway.getPort()) {
            throw new AssertionError("redirected away from the gateway (" + gateway + ") to " + resolved);
        }
        return resolved;
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
            throw new AssertionError(step + ": " + request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + " (expected " + expected + "), Location "
                    + response.headers().firstValue("Location").orElse("-") + "\n" + response.body());
        }
        return response;
    }

    private static URI location(HttpResponse<String> response) {
        return URI.create(response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location in the answer to " + response.uri())));
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
