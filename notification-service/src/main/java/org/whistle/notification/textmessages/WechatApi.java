package org.whistle.notification.textmessages;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.delivery.Undeliverable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat's API for one official account or mini program: JSON POSTs to the configured endpoint only (no redirect
 * followed, bounded time and answer), each with the account's access token, which is kept until shortly before it
 * expires and renewed when WeChat says it is no longer valid.
 *
 * <p>The token comes from {@code cgi-bin/stable_token}, not {@code cgi-bin/token}: every replica of this service
 * asks for its own, and {@code cgi-bin/token} would hand each a new one that cuts the others' short, while the stable
 * token is the same for every asker until it expires. Only when WeChat rejects the very token the stable endpoint
 * still hands out is a fresh one forced ({@code force_refresh}, which WeChat allows a few times a day).
 *
 * <p>Neither the AppSecret nor the token reaches a log, an exception or the delivery log: failures are told in our
 * own words with WeChat's {@code errcode}, never with the request's address (which carries the token).
 */
final class WechatApi {

    /** WeChat's answers to a message are small; a longer one is cut, not buffered. */
    static final int MAX_ANSWER = 64 * 1024;

    /** Renewed this long before WeChat's expiry, so a token is never sent as it runs out. */
    static final Duration EARLY_RENEWAL = Duration.ofMinutes(5);

    /** The token is invalid (40001), expired (42001) or not this account's (40014): renew it and try again. */
    static final Set<Long> TOKEN_REJECTED = Set.of(40001L, 42001L, 40014L);

    /** WeChat is busy (-1) or a quota is spent for now (45009 daily, 45011 per minute): worth another attempt. */
    static final Set<Long> TRY_LATER = Set.of(-1L, 45009L, 45011L);

    /** An answer: WeChat's {@code errcode} (0 for success) and the whole JSON. */
    record Answer(long errcode, JsonNode body) {}

    private record Token(String value, Instant renewAt) {}

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI endpoint;
    private final String appId;
    private final String appSecret;
    private final Duration timeout;
    private final Clock clock;
    private @Nullable Token token;

    WechatApi(NotificationProperties.Wechat settings, Duration timeout, Clock clock) {
        var base = settings.endpoint().toString();
        this.endpoint = URI.create(base.endsWith("/") ? base : base + "/");
        this.appId = required(settings.appId(), "app-id");
        this.appSecret = required(settings.appSecret(), "app-secret");
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * POSTs {@code body} to {@code path} with the current token; when WeChat rejects the token, once more with a
     * renewed one.
     */
    Answer call(String path, Object body) throws IOException, InterruptedException {
        var used = currentToken();
        var answer = post(path + "?access_token=" + encode(used), body);
        if (TOKEN_REJECTED.contains(answer.errcode())) {
            answer = post(path + "?access_token=" + encode(renewedAfter(used)), body);
        }
        return answer;
    }

    synchronized String currentToken() throws IOException, InterruptedException {
        if (token == null || !clock.instant().isBefore(token.renewAt())) {
            token = fetch(false);
        }
        return token.value();
    }

    /**
     * A token other than {@code rejected}: the one another sender renewed meanwhile, else the stable one, else (when
     * WeChat still hands out the rejected one) a forced new one.
     */
    synchronized String renewedAfter(String rejected) throws IOException, InterruptedException {
        if (token != null && !token.value().equals(rejected) && clock.instant().isBefore(token.renewAt())) {
            return token.value();
        }
        var fetched = fetch(false);
        if (fetched.value().equals(rejected)) {
            fetched = fetch(true);
        }
        token = fetched;
        return fetched.value();
    }

    private Token fetch(boolean forceRefresh) throws IOException, InterruptedException {
        var request = new LinkedHashMap<String, Object>();
        request.put("grant_type", "client_credential");
        request.put("appid", appId);
        request.put("secret", appSecret);
        request.put("force_refresh", forceRefresh);
        var answer = post("cgi-bin/stable_token", request);
        if (TRY_LATER.contains(answer.errcode())) {
            throw new IOException("微信暂不能发放接口凭证（errcode " + answer.errcode() + "）");
        }
        var value = answer.body().path("access_token").asString("");
        long expiresIn = answer.body().path("expires_in").asLong(0);
        if (answer.errcode() != 0 || value.isBlank() || expiresIn <= 0) {
            // A wrong AppID or AppSecret, or this server's address not on the account's IP allow-list (40164): no
            // retry helps until the account's settings change.
            throw Undeliverable.refused(
                    "微信拒绝发放接口凭证（errcode " + answer.errcode() + "），请检查公众号的 AppID、AppSecret 和 IP 白名单");
        }
        var lifetime = Duration.ofSeconds(expiresIn);
        var early = lifetime.compareTo(EARLY_RENEWAL.multipliedBy(2)) > 0 ? EARLY_RENEWAL : lifetime.dividedBy(2);
        return new Token(value, clock.instant().plus(lifetime).minus(early));
    }

    private Answer post(String pathAndQuery, Object body) throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(endpoint.resolve(pathAndQuery))
                            .timeout(timeout)
                            .header("Content-Type", "application/json; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    JsonMapper.shared().writeValueAsString(body), StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            // Our own words: the client's message may name the address, and the address carries the token.
            throw new IOException("微信接口无法连接（" + e.getClass().getSimpleName() + "）");
        }
        String text;
        try (var in = response.body()) {
            text = new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
        }
        int status = response.statusCode();
        if (status == 408 || status == 429 || status >= 500) {
            throw new IOException("微信接口暂不可用：HTTP " + status);
        }
        JsonNode json;
        try {
            json = JsonMapper.shared().readTree(text);
        } catch (RuntimeException e) {
            json = null;
        }
        if (status != 200 || json == null || !json.isObject()) {
            throw Undeliverable.refused("微信接口的答复无法识别：HTTP " + status);
        }
        return new Answer(json.path("errcode").asLong(0), json);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String required(@Nullable String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("whistle.notification.wechat.account." + property + " is not configured");
        }
        return value;
    }
}
