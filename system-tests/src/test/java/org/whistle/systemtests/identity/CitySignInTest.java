package org.whistle.systemtests.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.whistle.systemtests.DemoLogin;
import org.whistle.systemtests.Gateway;
import org.whistle.systemtests.Platform;
import org.whistle.systemtests.SharedLocalStack;
import tools.jackson.databind.JsonNode;

/**
 * Staff sign in through the city's identity platform (ADR 0047), the whole way a browser goes, every Whistle step
 * through the gateway: the console's authorization request, Whistle's login page and its 「统一身份认证登录」, the
 * platform's own sign-in form, back to Whistle, and Whistle's own tokens for the account the platform's person is
 * linked to — with that account's roles and org scope. Someone the platform knows and Whistle does not is refused
 * on Whistle's page in Chinese, and no account is opened for them.
 */
@ExtendWith(SharedLocalStack.class)
class CitySignInTest {

    private static final Pattern PLATFORM_REQUEST = Pattern.compile("name=\"request\" value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static CityIdentityPlatform city;

    @BeforeAll
    static void theCityRunsItsIdentityPlatform() {
        city = CityIdentityPlatform.start();
        // The platform's own people: their login there is not their Whistle username; a claim says that.
        city.add(new CityIdentityPlatform.Person(
                "310-zhang-hw",
                "city-password-of-sun-hongwei",
                "city-subject-0005",
                Map.of("preferred_username", "gn.street.sunhongwei", "name", "孙宏伟")));
        city.add(new CityIdentityPlatform.Person(
                "310-wang-stranger",
                "city-password-of-a-stranger",
                "city-subject-0404",
                Map.of("preferred_username", "wang.stranger", "name", "王陌生")));
    }

    @AfterAll
    static void theCityStopsIt() {
        if (city != null) {
            city.close();
        }
    }

    @Test
    void aStreetDispatcherSignsInThroughThePlatformAndGetsWhistlesTokensWithTheirRolesAndScope(Platform platform) {
        var gateway = platform.gateway();
        var browser = new Browser(gateway.base());
        var verifier = "verifier-" + UUID.randomUUID() + UUID.randomUUID();

        var loginPage = browser.authorizeAsTheConsole(platform.login(), challenge(verifier));
        assertThat(loginPage).contains("href=\"oauth2/upstream/city\">统一身份认证登录</a>");
        var back = browser.signInAtThePlatform("310-zhang-hw", "city-password-of-sun-hongwei");
        assertThat(back).startsWith(gateway.base() + "/oauth2/upstream/city/callback?");
        var code = browser.codeAfter(back, platform.login());
        var tokens = browser.exchange(code, verifier, platform.login());

        var access = payload(tokens.get("access_token").stringValue());
        assertThat(access.get("sub").stringValue()).isEqualTo("gn.street.sunhongwei");
        assertThat(access.get("roles").values())
                .extracting(JsonNode::stringValue)
                .containsExactly("STREET_DISPATCHER");
        assertThat(access.get("org_scope").values())
                .extracting(JsonNode::stringValue)
                .containsExactly("230225100");
        var me = gateway.get("/api/org/users/me", tokens.get("access_token").stringValue());
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("username").stringValue()).isEqualTo("gn.street.sunhongwei");

        var links = gateway.get("/api/org/upstream-links", platform.login().token("admin"));
        assertThat(links.status()).as(links.body()).isEqualTo(200);
        assertThat(links.json().values()).anySatisfy(link -> {
            assertThat(link.get("username").stringValue()).isEqualTo("gn.street.sunhongwei");
            assertThat(link.get("subject").stringValue()).isEqualTo("city-subject-0005");
            assertThat(link.get("issuer").stringValue()).isEqualTo(city.issuer());
        });
    }

    @Test
    void someoneThePlatformKnowsButWhistleDoesNotIsRefusedInChineseAndGetsNoAccount(Platform platform) {
        var gateway = platform.gateway();
        var browser = new Browser(gateway.base());

        browser.authorizeAsTheConsole(platform.login(), challenge("verifier-" + UUID.randomUUID()));
        var back = browser.signInAtThePlatform("310-wang-stranger", "city-password-of-a-stranger");
        var refused = browser.get(URI.create(back), 302);
        var location =
                gateway.base().resolve(refused.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).endsWith("/login?error=upstream-unknown");
        var page = browser.get(location, 200);

        assertThat(page.body()).contains("您的统一身份认证账号尚未开通吹哨报到账号，请联系管理员开通后再登录。");
        assertThat(gateway.get("/api/org/users/wang.stranger", platform.login().token("admin"))
                        .status())
                .isEqualTo(404);
    }

    /** A browser: keeps cookies, follows no redirect by itself, and speaks Chinese. */
    private static final class Browser {

        private final URI gateway;
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        Browser(URI gateway) {
            this.gateway = gateway;
        }

        /** The console asks Whistle for a code; not signed in, the person lands on the login page. */
        String authorizeAsTheConsole(DemoLogin login, String challenge) {
            var authorize = gateway.resolve("/oauth2/authorize?"
                    + Gateway.formEncoded(ordered(
                            "response_type", "code",
                            "client_id", DemoLogin.CONSOLE_CLIENT,
                            "redirect_uri", login.redirectUri().toString(),
                            "scope", "openid profile",
                            "state", "state-city",
                            "code_challenge", challenge,
                            "code_challenge_method", "S256")));
            var toLogin = get(authorize, 302);
            var loginPage =
                    gateway.resolve(toLogin.headers().firstValue("Location").orElseThrow());
            assertThat(loginPage.getPath()).isEqualTo("/login");
            return get(loginPage, 200).body();
        }

        /** The button, then the platform's form: answers where the platform sends the browser back to. */
        String signInAtThePlatform(String login, String password) {
            var start = get(gateway.resolve("/oauth2/upstream/city"), 302);
            var atPlatform = URI.create(start.headers().firstValue("Location").orElseThrow());
            assertThat(atPlatform.toString()).startsWith(city.issuer() + "/authorize?");
            var form = get(atPlatform, 200);
            var request = PLATFORM_REQUEST.matcher(form.body());
            assertThat(request.find()).as(form.body()).isTrue();
            var signedIn = send(
                    HttpRequest.newBuilder(URI.create(city.issuer() + "/authorize"))
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(Gateway.formEncoded(
                                    ordered("request", request.group(1), "login", login, "password", password))))
                            .build(),
                    302);
            return signedIn.headers().firstValue("Location").orElseThrow();
        }

        /** Back at Whistle: signed in, the console's authorization request goes on and hands out its code. */
        String codeAfter(String back, DemoLogin login) {
            var signedIn = get(URI.create(back), 302);
            var resumed =
                    gateway.resolve(signedIn.headers().firstValue("Location").orElseThrow());
            assertThat(resumed.getPath())
                    .as("back to the authorization request")
                    .isEqualTo("/oauth2/authorize");
            var toConsole = get(resumed, 302);
            var callback = toConsole.headers().firstValue("Location").orElseThrow();
            assertThat(callback).startsWith(login.redirectUri().toString());
            var query = query(URI.create(callback));
            assertThat(query.get("state")).isEqualTo("state-city");
            return query.get("code");
        }

        JsonNode exchange(String code, String verifier, DemoLogin login) {
            var response = send(
                    HttpRequest.newBuilder(gateway.resolve("/oauth2/token"))
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(Gateway.formEncoded(ordered(
                                    "grant_type",
                                    "authorization_code",
                                    "code",
                                    code,
                                    "redirect_uri",
                                    login.redirectUri().toString(),
                                    "client_id",
                                    DemoLogin.CONSOLE_CLIENT,
                                    "code_verifier",
                                    verifier))))
                            .build(),
                    200);
            return Gateway.JSON.readTree(response.body());
        }

        HttpResponse<String> get(URI uri, int expected) {
            return send(
                    HttpRequest.newBuilder(uri)
                            .timeout(TIMEOUT)
                            .header("Accept", "text/html")
                            .header("Accept-Language", "zh-CN,zh;q=0.9")
                            .GET()
                            .build(),
                    expected);
        }

        private HttpResponse<String> send(HttpRequest request, int expected) {
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertThat(response.statusCode())
                        .as(request.method() + " " + request.uri() + " → Location "
                                + response.headers().firstValue("Location").orElse("-") + "\n" + response.body())
                        .isEqualTo(expected);
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonNode payload(String jwt) {
        return Gateway.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static Map<String, String> query(URI uri) {
        var values = new LinkedHashMap<String, String>();
        for (var pair : uri.getRawQuery().split("&")) {
            var equals = pair.indexOf('=');
            values.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
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

    private static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
