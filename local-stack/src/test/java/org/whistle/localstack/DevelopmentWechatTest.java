package org.whistle.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The development WeChat plays WeChat's side as org-registry and notification-service call it. */
class DevelopmentWechatTest {

    private static final String PUBLIC_URL = "http://127.0.0.1:9080";
    private static final String CALLBACK = PUBLIC_URL + "/login/wechat/callback";
    private static final Pattern CHOOSE = Pattern.compile("data-resident=\"wangxiuying\" href=\"([^\"]+)\"");

    private final MovableClock clock = new MovableClock();
    private final DevelopmentWechat wechat = DevelopmentWechat.start(0, PUBLIC_URL, clock);
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stop() {
        wechat.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(wechat.baseUri().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void theAuthorizePageNamesTheAppAndSendsTheChosenResidentBackWithACodeAndTheStateOnce() throws Exception {
        var page = get(authorize("state-123", CALLBACK));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("吹哨报到（演示）", "王秀英", "李建国", "拒绝");

        var chosen = get(wechat.baseUri().resolve(html(link(page.body()))).toString());
        assertThat(chosen.statusCode()).isEqualTo(302);
        var location = chosen.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CALLBACK + "?code=").endsWith("&state=state-123");
        var code = URLDecoder.decode(
                location.substring(location.indexOf("code=") + 5, location.indexOf('&')), StandardCharsets.UTF_8);

        var answer = json(get("sns/oauth2/access_token?appid=" + DevelopmentWechat.OFFICIAL_ACCOUNT_APP_ID + "&secret="
                + wechat.officialAccountSecret() + "&code=" + code + "&grant_type=authorization_code"));
        assertThat(answer.path("openid").asString()).isEqualTo("oDevOA_wangxiuying_0001");
        assertThat(answer.path("unionid").asString()).isEqualTo("uDev_wangxiuying_0001");
        assertThat(answer.has("errcode")).isFalse();

        var again = json(get("sns/oauth2/access_token?appid=" + DevelopmentWechat.OFFICIAL_ACCOUNT_APP_ID + "&secret="
                + wechat.officialAccountSecret() + "&code=" + code + "&grant_type=authorization_code"));
        assertThat(again.path("errcode").asLong()).as("a code is good once").isEqualTo(40029);
    }

    @Test
    void sendsPeopleBackOnlyToTheStacksAddressAndChecksTheAppsSecret() throws Exception {
        var elsewhere = get(authorize("s", "https://evil.example/steal"));
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("网页授权域名");
        var wrongApp = get("connect/oauth2/authorize?appid=wx0&redirect_uri=" + encode(CALLBACK)
                + "&response_type=code&scope=snsapi_base&state=s");
        assertThat(wrongApp.statusCode()).isEqualTo(400);

        var declined = get(wechat.baseUri()
                .resolve("/connect/oauth2/authorize/choose?resident=&redirect_uri=" + encode(CALLBACK) + "&state=s9")
                .toString());
        assertThat(declined.headers().firstValue("Location")).contains(CALLBACK + "?state=s9");

        var wrongSecret = json(get("sns/oauth2/access_token?appid=" + DevelopmentWechat.OFFICIAL_ACCOUNT_APP_ID
                + "&secret=guess&code=abc&grant_type=authorization_code"));
        assertThat(wrongSecret.path("errcode").asLong()).isEqualTo(40125);
    }

    @Test
    void aMiniProgramsLoginCodeGivesItsOwnOpenIdAndTheSameUnionIdAndExpires() throws Exception {
        var code = json(post("dev/mini-program/login?resident=lijianguo", ""))
                .path("code")
                .asString();
        var session = json(get("sns/jscode2session?appid=" + DevelopmentWechat.MINI_PROGRAM_APP_ID + "&secret="
                + wechat.miniProgramSecret() + "&js_code=" + code + "&grant_type=authorization_code"));
        assertThat(session.path("openid").asString()).isEqualTo("oDevMP_lijianguo_0002");
        assertThat(session.path("unionid").asString()).isEqualTo("uDev_lijianguo_0002");

        var late = json(post("dev/mini-program/login?resident=lijianguo", ""))
                .path("code")
                .asString();
        clock.advance(DevelopmentWechat.CODE_LIFETIME);
        var expired = json(get("sns/jscode2session?appid=" + DevelopmentWechat.MINI_PROGRAM_APP_ID + "&secret="
                + wechat.miniProgramSecret() + "&js_code=" + late + "&grant_type=authorization_code"));
        assertThat(expired.path("errcode").asLong()).isEqualTo(40029);
    }

    @Test
    void keepsEveryTemplateMessageInAReadableLogOncePerClientMessageId() throws Exception {
        var token = json(post(
                        "cgi-bin/stable_token",
                        "{\"grant_type\":\"client_credential\",\"appid\":\"" + DevelopmentWechat.OFFICIAL_ACCOUNT_APP_ID
                                + "\",\"secret\":\"" + wechat.officialAccountSecret() + "\",\"force_refresh\":false}"))
                .path("access_token")
                .asString();
        var message = "{\"touser\":\"oDevOA_liuchunmei_0003\",\"template_id\":\"" + DevelopmentWechat.PROGRESS_TEMPLATE
                + "\",\"client_msg_id\":\"whistle-1\",\"data\":{\"thing1\":{\"value\":\"您的哨情已受理\"},"
                + "\"thing2\":{\"value\":\"您反映的问题已受理，工单号 QQ-2026-000001。\"}}}";

        var sent = json(post("cgi-bin/message/template/send?access_token=" + token, message));
        var again = json(post("cgi-bin/message/template/send?access_token=" + token, message));
        var forged = json(post("cgi-bin/message/template/send?access_token=guess", message));
        var stranger = json(post(
                "cgi-bin/message/template/send?access_token=" + token,
                message.replace("oDevOA_liuchunmei_0003", "oSomeoneElse")));

        assertThat(sent.path("errcode").asLong()).isZero();
        assertThat(again.path("msgid").asLong()).isEqualTo(sent.path("msgid").asLong());
        assertThat(forged.path("errcode").asLong()).isEqualTo(40001);
        assertThat(stranger.path("errcode").asLong()).isEqualTo(40003);
        assertThat(wechat.delivered()).singleElement().satisfies(delivered -> {
            assertThat(delivered.resident()).isEqualTo("刘春梅");
            assertThat(delivered.data()).containsEntry("thing1", "您的哨情已受理");
        });
        var log = json(get("dev/messages.json")).path("messages");
        assertThat(log.size()).isEqualTo(1);
        assertThat(log.get(0).path("openId").asString()).isEqualTo("oDevOA_liuchunmei_0003");
        assertThat(log.get(0).path("sentAt").asString()).isEqualTo("2026年12月8日 18:30:00");
        assertThat(get("dev/messages").body()).contains("刘春梅", "您的哨情已受理", "诉求办理进度通知");
    }

    private String authorize(String state, String redirect) {
        return "connect/oauth2/authorize?appid=" + DevelopmentWechat.OFFICIAL_ACCOUNT_APP_ID + "&redirect_uri="
                + encode(redirect) + "&response_type=code&scope=snsapi_base&state=" + state;
    }

    private static String link(String page) {
        var matcher = CHOOSE.matcher(page);
        assertThat(matcher.find()).as("a link for 王秀英 in\n%s", page).isTrue();
        return matcher.group(1);
    }

    private static String html(String escaped) {
        return escaped.replace("&amp;", "&");
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        var uri = pathAndQuery.startsWith("http")
                ? URI.create(pathAndQuery)
                : wechat.baseUri().resolve(pathAndQuery);
        return http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String pathAndQuery, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(wechat.baseUri().resolve(pathAndQuery))
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-08T10:30:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
