package org.whistle.systemtests.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.whistle.localstack.DevelopmentWechat;
import org.whistle.systemtests.Casework;
import org.whistle.systemtests.DemoLogin;
import org.whistle.systemtests.Gateway;
import org.whistle.systemtests.Place;
import org.whistle.systemtests.Platform;
import org.whistle.systemtests.SharedLocalStack;
import tools.jackson.databind.JsonNode;

/**
 * The WeChat loop on the real stack, offline, with the local stack's development WeChat playing WeChat's side (ADR
 * 0046, 0053): a resident signs in through the official account's web authorization — the console's authorization
 * request, Whistle's login page and its 微信登录, WeChat's authorize page where the resident is picked, back to Whistle
 * with the code — raises a whistle from WeChat, the street centre accepts it, and WeChat's delivery log shows the
 * 受理 message sent to that resident's open id, in Chinese, without the tracking code. And a mini program's
 * {@code wx.login} code opens the resident's own Whistle token.
 */
@ExtendWith(SharedLocalStack.class)
class WechatLoopTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern WANG_XIUYING = Pattern.compile("data-resident=\"wangxiuying\" href=\"([^\"]+)\"");
    private static final String OPEN_ID = "oDevOA_wangxiuying_0001";

    @Test
    void aResidentSignsInThroughWechatRaisesAWhistleThereAndIsToldOfItsAcceptanceOnWechat(Platform platform) {
        var gateway = platform.gateway();
        var wechat = platform.stack().wechat().baseUri();
        var browser = new Browser();
        var verifier = "verifier-" + UUID.randomUUID() + UUID.randomUUID();

        // The console's authorization request lands on Whistle's login page, which offers 微信登录.
        var toLogin = browser.get(
                gateway.uri("/oauth2/authorize?"
                        + Gateway.formEncoded(ordered(
                                "response_type", "code",
                                "client_id", DemoLogin.CONSOLE_CLIENT,
                                "redirect_uri", platform.login().redirectUri().toString(),
                                "scope", "openid profile",
                                "state", "state-wechat",
                                "code_challenge", challenge(verifier),
                                "code_challenge_method", "S256"))),
                302);
        var loginPage = browser.get(gateway.base().resolve(location(toLogin)), 200);
        assertThat(loginPage.body()).contains("href=\"login/wechat\"", "微信登录");

        // 微信登录 sends the browser to WeChat's authorize page for the demo's official account, with a state.
        var toWechat = browser.get(gateway.uri("/login/wechat"), 302);
        var wechatRedirect = location(toWechat);
        assertThat(wechatRedirect).endsWith("#wechat_redirect");
        var authorize = URI.create(wechatRedirect.substring(0, wechatRedirect.indexOf('#')));
        assertThat(authorize.toString()).startsWith(wechat + "connect/oauth2/authorize?");
        var asked = query(authorize);
        assertThat(asked)
                .containsEntry("appid", DevelopmentWechat.OFFICIAL_ACCOUNT_APP_ID)
                .containsEntry("redirect_uri", gateway.base() + "/login/wechat/callback")
                .containsKey("state");
        var page = browser.get(authorize, 200);
        assertThat(page.body()).contains("吹哨报到（演示）", "王秀英");

        // The resident picks herself; WeChat sends her back to Whistle with a code and the same state.
        var choice = WANG_XIUYING.matcher(page.body());
        assertThat(choice.find()).as(page.body()).isTrue();
        var chosen = browser.get(wechat.resolve(choice.group(1).replace("&amp;", "&")), 302);
        var back = URI.create(location(chosen));
        assertThat(back.toString()).startsWith(gateway.base() + "/login/wechat/callback?code=");
        assertThat(query(back)).containsEntry("state", asked.get("state"));

        // Signed in, the console's request goes on and hands out Whistle's own tokens.
        var signedIn = browser.get(back, 302);
        var resumed = gateway.base().resolve(location(signedIn));
        assertThat(resumed.getPath()).as("back to the authorization request").isEqualTo("/oauth2/authorize");
        var toConsole = browser.get(resumed, 302);
        var callback = URI.create(location(toConsole));
        assertThat(callback.toString())
                .startsWith(platform.login().redirectUri().toString());
        assertThat(query(callback)).containsEntry("state", "state-wechat");
        var token = browser.exchange(gateway, query(callback).get("code"), verifier, platform.login())
                .get("access_token")
                .stringValue();
        var claims = payload(token);
        assertThat(claims.get("roles").values())
                .extracting(JsonNode::stringValue)
                .containsExactly("RESIDENT");
        assertThat(claims.get("wechat_openid").stringValue()).isEqualTo(OPEN_ID);

        // She raises a whistle from WeChat; the street centre accepts it.
        var raised = gateway.call("POST", "/api/whistles")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .token(token)
                .json(whistle(Place.CROSSING, "WECHAT", "文明大街人行道井盖缺失，夜里容易绊倒"))
                .send()
                .expect(201);
        var whistleId = raised.path("id").asString();
        var trackingCode = raised.path("trackingCode").asString("");
        var casework = new Casework(platform);
        var ticketId = casework.awaitTicket(whistleId).path("id").asString();
        casework.centre(casework.centreActor(Place.CROSSING, Casework.Level.STREET), ticketId, "file", "{}");

        // WeChat's delivery log: the 受理 message, to her open id, in Chinese, without the tracking code.
        var message = new JsonNode[1];
        await("the 受理 message in the development WeChat's delivery log")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    for (var sent : browser.json(wechat.resolve("/dev/messages.json"))
                            .path("messages")
                            .values()) {
                        if (sent.path("openId").asString().equals(OPEN_ID)
                                && sent.path("data").toString().contains("已受理")) {
                            message[0] = sent;
                            return true;
                        }
                    }
                    return false;
                });
        var data = message[0].path("data");
        assertThat(message[0].path("resident").asString()).isEqualTo("王秀英");
        assertThat(message[0].path("kind").asString()).isEqualTo("公众号模板消息");
        assertThat(data.path("thing1").asString()).isEqualTo("您的哨情已受理");
        assertThat(data.path("thing2").asString()).startsWith("您反映的问题已受理，工单号 ");
        assertThat(data.toString()).doesNotContain("〔查询码〕", "null");
        if (!trackingCode.isBlank()) {
            assertThat(data.toString()).doesNotContain(trackingCode);
        }
        assertThat(browser.get(wechat.resolve("/dev/messages"), 200).body()).contains("王秀英", "您的哨情已受理");
    }

    @Test
    void aMiniProgramsLoginCodeOpensTheResidentsOwnWhistleToken(Platform platform) {
        var gateway = platform.gateway();
        var wechat = platform.stack().wechat().baseUri();
        var browser = new Browser();

        // What wx.login hands the mini program on the resident's phone.
        var code = browser.post(wechat.resolve("/dev/mini-program/login?resident=lijianguo"), "")
                .path("code")
                .asString();
        var session = gateway.call("POST", "/api/org/wechat/mini-program/sessions")
                .json("{\"code\":\"" + code + "\",\"openid\":\"oDevMP_wangxiuying_0001\"}")
                .send()
                .expect(200);
        var token = session.path("access_token").asString();
        assertThat(payload(token).get("wechat_openid").stringValue())
                .as("WeChat's answer, not the body, names the resident")
                .isEqualTo("oDevMP_lijianguo_0002");

        var me = gateway.get("/api/org/users/me", token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("roles").toString()).contains("RESIDENT");

        var reused = gateway.call("POST", "/api/org/wechat/mini-program/sessions")
                .json("{\"code\":\"" + code + "\"}")
                .send();
        assertThat(reused.status()).as("a code is good once").isEqualTo(400);
        assertThat(reused.body()).contains("微信登录未成功").doesNotContain("40029");
    }

    private static String whistle(Place place, String channel, String description) {
        var whistle = Gateway.JSON
                .createObjectNode()
                .put("channel", channel)
                .put("category", place.category)
                .put("description", description)
                .put("urgency", "NORMAL");
        whistle.putObject("location")
                .put("lat", place.lat)
                .put("lng", place.lng)
                .put("crs", "WGS84");
        return whistle.toString();
    }

    /** A browser: keeps cookies, follows no redirect by itself, and speaks Chinese. */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

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

        JsonNode json(URI uri) {
            return Gateway.JSON.readTree(
                    send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), 200)
                            .body());
        }

        JsonNode post(URI uri, String body) {
            return Gateway.JSON.readTree(send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(TIMEOUT)
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            200)
                    .body());
        }

        JsonNode exchange(Gateway gateway, String code, String verifier, DemoLogin login) {
            var response = send(
                    HttpRequest.newBuilder(gateway.uri("/oauth2/token"))
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

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
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
