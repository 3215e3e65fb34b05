package org.whistle.orgregistry.identity;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.whistle.orgregistry.identity.WechatSignInRefused.Reason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two WeChat calls that say who a resident is: the official account's web authorization
 * ({@code sns/oauth2/access_token}) and a mini program's {@code sns/jscode2session}. Only the configured endpoint is
 * called, redirects are not followed, each call has a timeout and each answer is read to 64 KB. Only the open id and
 * the union id are kept: the user access token, the refresh token and the session key are dropped unread, and neither
 * they nor the AppSecret (which rides in the query, as WeChat wants) reach a log or an exception — a failed connection
 * is told in our own words, since the client's message may name the address.
 */
final class WechatApi {

    static final int MAX_ANSWER = 64 * 1024;

    /** What WeChat hands out as a code, an open id or a union id: short, URL-safe. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private static final Pattern OPEN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final Logger log = LoggerFactory.getLogger(WechatApi.class);

    private final WechatProperties settings;
    private final HttpClient http;

    WechatApi(WechatProperties settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Who a WeChat identity is, as far as Whistle keeps it. */
    record OpenIdentity(
            String appId, String openId, @Nullable String unionId) {}

    static boolean wellFormedCode(@Nullable String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** 网页授权: the code WeChat's authorize page handed to our callback, exchanged for the open id. */
    OpenIdentity officialAccountCode(String code) {
        var app = settings.officialAccount();
        return identity(
                app,
                "sns/oauth2/access_token?appid=" + encode(app.appId()) + "&secret=" + encode(app.appSecret()) + "&code="
                        + encode(code) + "&grant_type=authorization_code");
    }

    /** A mini program's {@code wx.login} code, exchanged for the open id; the session key is not kept. */
    OpenIdentity miniProgramCode(String code) {
        var app = settings.miniProgram();
        return identity(
                app,
                "sns/jscode2session?appid=" + encode(app.appId()) + "&secret=" + encode(app.appSecret()) + "&js_code="
                        + encode(code) + "&grant_type=authorization_code");
    }

    private OpenIdentity identity(WechatProperties.App app, String pathAndQuery) {
        var answer = get(pathAndQuery);
        long errcode = answer.path("errcode").asLong(0);
        if (errcode != 0) {
            // The code only: errmsg may repeat what we sent.
            log.warn("WeChat refused a sign-in for app {}: errcode {}", app.appId(), errcode);
            throw new WechatSignInRefused(reason(errcode));
        }
        var openId = text(answer.get("openid"));
        if (openId == null || !OPEN_ID.matcher(openId).matches()) {
            log.warn("WeChat answered a sign-in for app {} without a usable open id", app.appId());
            throw new WechatSignInRefused(Reason.UNREADABLE);
        }
        var unionId = text(answer.get("unionid"));
        if (unionId != null && !OPEN_ID.matcher(unionId).matches()) {
            unionId = null;
        }
        return new OpenIdentity(app.appId(), openId, unionId);
    }

    /**
     * WeChat's codes for these two calls (its documentation of 网页授权 and {@code code2Session}): a code that is
     * wrong, used or expired; the app's own settings (AppID, AppSecret, IP allow-list); busy and limits; a user WeChat
     * holds to be at risk.
     */
    static Reason reason(long errcode) {
        return switch ((int) errcode) {
            case 40029, 40163, 40003 -> Reason.CODE_INVALID;
            case 40013, 40125, 41002, 41004, 40164, 40243, 48001 -> Reason.APP_MISCONFIGURED;
            case -1, 45011, 45009 -> Reason.BUSY;
            case 40226 -> Reason.USER_AT_RISK;
            default -> Reason.OTHER;
        };
    }

    private JsonNode get(String pathAndQuery) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(settings.endpoint().resolve(URI.create(pathAndQuery)))
                            .timeout(settings.timeout())
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            log.warn(
                    "WeChat could not be reached for a sign-in ({})",
                    e.getClass().getSimpleName());
            throw new WechatSignInRefused(Reason.UNREACHABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WechatSignInRefused(Reason.UNREACHABLE);
        }
        String text;
        try (var in = response.body()) {
            text = new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WechatSignInRefused(Reason.UNREACHABLE);
        }
        if (response.statusCode() != 200) {
            log.warn("WeChat answered a sign-in with HTTP {}", response.statusCode());
            throw new WechatSignInRefused(response.statusCode() >= 500 ? Reason.BUSY : Reason.UNREADABLE);
        }
        try {
            var json = JsonMapper.shared().readTree(text);
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (RuntimeException e) {
            // told below
        }
        log.warn("WeChat's answer to a sign-in was not a JSON object");
        throw new WechatSignInRefused(Reason.UNREADABLE);
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || !node.isString() || node.stringValue().isBlank() ? null : node.stringValue();
    }

    private static String encode(@Nullable String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
