package org.whistle.orgregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;
import org.whistle.security.AccessTokens;
import org.whistle.security.TokenClaims;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Residents sign in through WeChat (ADR 0046) against a stand-in for WeChat's API on a local port that answers as
 * WeChat documents: a code {@code ok-<openid>[-<unionid>]} names that person, {@code used} is WeChat's 40163,
 * {@code risky} its 40226.
 */
class WechatSignInTest extends IdentityTest {

    static final String OFFICIAL_APP = "wx-official-test";
    static final String OFFICIAL_SECRET = "official-app-secret-for-tests";
    static final String MINI_APP = "wx-mini-test";
    static final String MINI_SECRET = "mini-app-secret-for-tests";

    static final StandInWechat WECHAT = StandInWechat.start();

    @DynamicPropertySource
    static void wechat(DynamicPropertyRegistry registry) {
        registry.add("whistle.identity.wechat.endpoint", () -> WECHAT.base() + "/");
        registry.add(
                "whistle.identity.wechat.authorize-url", () -> "https://open.weixin.example/connect/oauth2/authorize");
        registry.add("whistle.identity.wechat.official-account.app-id", () -> OFFICIAL_APP);
        registry.add("whistle.identity.wechat.official-account.app-secret", () -> OFFICIAL_SECRET);
        registry.add("whistle.identity.wechat.mini-program.app-id", () -> MINI_APP);
        registry.add("whistle.identity.wechat.mini-program.app-secret", () -> MINI_SECRET);
    }

    @AfterAll
    static void stop() {
        WECHAT.stop();
    }

    @Autowired
    JwtDecoder decoder;

    @Test
    void theOfficialAccountsWebAuthorizationSignsAResidentInAndTheirTokenCarriesTheOpenId() throws Exception {
        var openId = "oWeb" + shortId();
        var browser = browser();
        var verifier = "verifier-" + UUID.randomUUID() + UUID.randomUUID();

        var tokens = signInThroughWechat(browser, "ok-" + openId, verifier);

        var access = decoder.decode(tokens.get("access_token").stringValue());
        assertThat(access.getClaimAsString(TokenClaims.WECHAT_OPENID)).isEqualTo(openId);
        assertThat(access.getClaimAsStringList(TokenClaims.ROLES)).containsExactly("RESIDENT");
        assertThat(access.getClaimAsString(TokenClaims.NAME)).isEqualTo("微信用户");
        assertThat(access.getClaimAsString(AccessTokens.TOKEN_USE)).isEqualTo(AccessTokens.ACCESS);
        assertThat(access.getAudience()).contains(AccessTokens.AUDIENCE);
        var asked = WECHAT.lastQuery("/sns/oauth2/access_token");
        assertThat(asked).contains("appid=" + OFFICIAL_APP, "secret=" + OFFICIAL_SECRET, "code=ok-" + openId);
        assertThat(count(
                        "SELECT count(*) FROM audit_entry WHERE action = 'account.created-through-wechat'"
                                + " AND subject_id = ?",
                        access.getSubject()))
                .isEqualTo(1);

        // Signing in again is the same account, not a second one.
        var again = signInThroughWechat(browser(), "ok-" + openId, verifier);
        assertThat(decoder.decode(again.get("access_token").stringValue()).getSubject())
                .isEqualTo(access.getSubject());
        assertThat(count("SELECT count(*) FROM wechat_identity WHERE open_id = ?", openId))
                .isEqualTo(1);
    }

    @Test
    void theLoginPageOffersWechatAndTheStartSendsTheResidentToWechatWithAStateOfThisSession() {
        var browser = browser();
        assertThat(browser.get("/login").body()).contains("href=\"login/wechat\"", "微信登录");

        var toWechat = browser.get("/login/wechat");

        assertThat(toWechat.statusCode()).isEqualTo(302);
        var location = Browser.location(toWechat);
        assertThat(location)
                .startsWith("https://open.weixin.example/connect/oauth2/authorize?")
                .endsWith("#wechat_redirect");
        var query = UriComponentsBuilder.fromUriString(location.substring(0, location.indexOf('#')))
                .build()
                .getQueryParams();
        assertThat(query.getFirst("appid")).isEqualTo(OFFICIAL_APP);
        assertThat(query.getFirst("scope")).isEqualTo("snsapi_base");
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(decode(query.getFirst("redirect_uri")))
                .isEqualTo("http://localhost:" + port + "/login/wechat/callback");
        assertThat(query.getFirst("state")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(location).doesNotContain(OFFICIAL_SECRET);
    }

    @Test
    void aCallbackWithAnotherSessionsStateSignsNobodyIn() {
        var victim = browser();
        var state = state(victim.get("/login/wechat"));
        var calls = WECHAT.calls();

        var attacker = browser();
        attacker.get("/login/wechat");
        var forged = attacker.get("/login/wechat/callback?code=ok-oForged&state=" + state);

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("登录页面已过期，请重新进入后再用微信登录。");
        assertThat(WECHAT.calls()).as("WeChat is not asked").isEqualTo(calls);
        var noSession = browser().get("/login/wechat/callback?code=ok-oForged&state=" + state);
        assertThat(noSession.statusCode()).isEqualTo(400);
    }

    @Test
    void wechatsRefusalIsToldInChineseWithoutItsCode() {
        var browser = browser();
        var state = state(browser.get("/login/wechat"));

        var refused = browser.get("/login/wechat/callback?code=used&state=" + state);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("微信登录凭证无效或已用过，请重新进入页面登录。").doesNotContain("40163");

        var risky = postJson(MINI, "{\"code\":\"risky\"}");
        assertThat(risky.statusCode()).isEqualTo(403);
        var problem = json(risky.body());
        assertThat(problem.get("title").stringValue()).isEqualTo("微信登录未成功");
        assertThat(problem.get("detail").stringValue()).isEqualTo("微信提示此微信号存在安全风险，暂不能登录，请在微信中处理后再试。");
        assertThat(risky.body()).doesNotContain("40226");
    }

    @Test
    void aMiniProgramsCodeGivesTheResidentsTokenAndAnOpenIdInTheBodyIsNotBelieved() {
        var openId = "oMini" + shortId();

        var answer = postJson(MINI, "{\"code\":\"ok-" + openId + "\",\"openid\":\"oSomeoneElse\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var body = json(answer.body());
        assertThat(body.get("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(900);
        assertThat(answer.body()).doesNotContain("session_key", "session-key-");
        var access = decoder.decode(body.get("access_token").stringValue());
        assertThat(access.getClaimAsString(TokenClaims.WECHAT_OPENID)).isEqualTo(openId);
        assertThat(access.getClaimAsStringList(TokenClaims.ROLES)).containsExactly("RESIDENT");
        assertThat(access.getAudience()).contains(AccessTokens.AUDIENCE, WechatTokens.CLIENT_ID);
        assertThat(WECHAT.lastQuery("/sns/jscode2session"))
                .contains("appid=" + MINI_APP, "secret=" + MINI_SECRET, "js_code=ok-" + openId);

        var opened = browser()
                .get(
                        "/api/org/users/me",
                        "Authorization",
                        "Bearer " + body.get("access_token").stringValue());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);

        var malformed = postJson(MINI, "{\"code\":\"" + "x".repeat(129) + "\"}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed.body()).get("detail").stringValue()).isEqualTo("微信登录凭证无效或已用过，请重新进入页面登录。");
    }

    @Test
    void theUnionIdMakesTheMiniProgramAndTheOfficialAccountOnePerson() throws Exception {
        var suffix = shortId();
        var union = "uPerson" + suffix;
        var web = signInThroughWechat(
                browser(), "ok-oWebU" + suffix + "-" + union, "verifier-" + UUID.randomUUID() + UUID.randomUUID());
        var mini = json(postJson(MINI, "{\"code\":\"ok-oMiniU" + suffix + "-" + union + "\"}")
                .body());

        var webToken = decoder.decode(web.get("access_token").stringValue());
        var miniToken = decoder.decode(mini.get("access_token").stringValue());
        assertThat(miniToken.getSubject()).isEqualTo(webToken.getSubject());
        // Messages go out through the official account while the person has its open id.
        assertThat(miniToken.getClaimAsString(TokenClaims.WECHAT_OPENID)).isEqualTo("oWebU" + suffix);
    }

    private static final String MINI = "/api/org/wechat/mini-program/sessions";

    /** The gateway's authorization code flow, signed in through WeChat instead of the password form. */
    private JsonNode signInThroughWechat(Browser browser, String wechatCode, String verifier) throws Exception {
        var challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        var authorize = "/oauth2/authorize?response_type=code&client_id=" + FirstPartyClients.GATEWAY
                + "&scope=" + URLEncoder.encode("openid profile", StandardCharsets.UTF_8)
                + "&state=state-wx&code_challenge=" + challenge + "&code_challenge_method=S256"
                + "&redirect_uri=" + URLEncoder.encode(GATEWAY_REDIRECT, StandardCharsets.UTF_8);
        assertThat(browser.get(authorize, "Accept", "text/html").statusCode()).isEqualTo(302);
        var state = state(browser.get("/login/wechat"));

        var back = browser.get("/login/wechat/callback?code=" + wechatCode + "&state=" + state);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(Browser.location(back)).contains("/oauth2/authorize");

        var toClient = browser.get(Browser.location(back), "Accept", "text/html");
        assertThat(toClient.statusCode()).as(toClient.body()).isEqualTo(302);
        var redirect = Browser.location(toClient);
        assertThat(redirect).startsWith(GATEWAY_REDIRECT);
        var code = UriComponentsBuilder.fromUri(URI.create(redirect))
                .build()
                .getQueryParams()
                .getFirst("code");
        var exchanged = browser()
                .postForm(
                        "/oauth2/token",
                        Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                decode(code),
                                "redirect_uri",
                                GATEWAY_REDIRECT,
                                "code_verifier",
                                verifier),
                        "Authorization",
                        Browser.basic(FirstPartyClients.GATEWAY, GATEWAY_SECRET));
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        return json(exchanged.body());
    }

    private static String state(HttpResponse<String> toWechat) {
        assertThat(toWechat.statusCode()).isEqualTo(302);
        var location = Browser.location(toWechat);
        return UriComponentsBuilder.fromUriString(location.substring(0, location.indexOf('#')))
                .build()
                .getQueryParams()
                .getFirst("state");
    }

    private HttpResponse<String> postJson(String path, String body) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Content-Type", "application/json")
                                    .header("X-Forwarded-For", "10.9.8." + (1 + (int) (Math.random() * 200)))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode json(String body) {
        return JsonMapper.shared().readTree(body);
    }

    /** WeChat's two identity endpoints, answering as its documentation shows. */
    static final class StandInWechat {

        private final HttpServer server;
        private final List<String> queries = new CopyOnWriteArrayList<>();

        private StandInWechat(HttpServer server) {
            this.server = server;
        }

        static StandInWechat start() {
            try {
                var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                var wechat = new StandInWechat(server);
                server.createContext("/sns/", exchange -> {
                    var path = exchange.getRequestURI().getPath();
                    var query = exchange.getRequestURI().getRawQuery();
                    wechat.queries.add(path + "?" + query);
                    var params = UriComponentsBuilder.fromUriString("http://x/?" + query)
                            .build()
                            .getQueryParams();
                    var code = path.endsWith("jscode2session") ? params.getFirst("js_code") : params.getFirst("code");
                    String answer;
                    if (code != null && code.startsWith("ok-")) {
                        var parts = code.substring(3).split("-", 2);
                        var union = parts.length > 1 ? ",\"unionid\":\"" + parts[1] + "\"" : "";
                        answer = path.endsWith("jscode2session")
                                ? "{\"openid\":\"" + parts[0] + "\",\"session_key\":\"session-key-x\"" + union + "}"
                                : "{\"access_token\":\"user-token\",\"expires_in\":7200,\"refresh_token\":\"r\","
                                        + "\"openid\":\"" + parts[0] + "\",\"scope\":\"snsapi_base\"" + union + "}";
                    } else if ("risky".equals(code)) {
                        answer = "{\"errcode\":40226,\"errmsg\":\"invalid code, rid: 1\"}";
                    } else {
                        answer = "{\"errcode\":40163,\"errmsg\":\"code been used, rid: 2\"}";
                    }
                    var bytes = answer.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                });
                server.start();
                return wechat;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int calls() {
            return queries.size();
        }

        String lastQuery(String path) {
            return queries.reversed().stream()
                    .filter(query -> query.startsWith(path))
                    .findFirst()
                    .orElseThrow();
        }

        void stop() {
            server.stop(0);
        }
    }
}
