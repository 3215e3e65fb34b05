package org.whistle.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The development WeChat: plays WeChat's side for the local stack, offline — the official account's authorize page
 * (网页授权), where the tester picks one of the demo city's WeChat residents; {@code sns/oauth2/access_token} and a
 * mini program's {@code sns/jscode2session}, which answer that resident's open id and union id;
 * {@code cgi-bin/stable_token}; and the template and subscription message sends, which it keeps in a delivery log a
 * person can read ({@code /dev/messages}, and as JSON).
 *
 * <p>It binds loopback only and only the local stack starts it: the production images and manifests know nothing of
 * it (its settings are added to org-registry's and notification's environment by the launcher alone, see
 * {@link ServiceLaunch#withDevelopmentWechat}). Its AppSecrets are made afresh on every start and handed to the two
 * services, so none is written in the code. Like WeChat it checks the AppID and AppSecret, single-use codes that
 * expire after five minutes, and that the authorize page sends people back only to the stack's public address; every
 * input is bounded and the log keeps the last {@value #LOG_SIZE} messages.
 */
public final class DevelopmentWechat implements AutoCloseable {

    /** The official account's and the mini program's AppIDs in the demo; public like the demo's accounts. */
    public static final String OFFICIAL_ACCOUNT_APP_ID = "wx00000000000dev01";

    public static final String MINI_PROGRAM_APP_ID = "wx00000000000dev02";

    /** The name WeChat shows residents on its authorize page. */
    static final String APP_NAME = "吹哨报到（演示）";

    /** The one template the demo registers for every progress message: its title, then the text. */
    public static final String PROGRESS_TEMPLATE = "DEV-WHISTLE-PROGRESS";

    static final String PROGRESS_TEMPLATE_NAME = "诉求办理进度通知";

    static final int LOG_SIZE = 1_000;
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_QUERY = 4 * 1024;
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    static final Duration TOKEN_LIFETIME = Duration.ofHours(2);
    static final String RESOURCE = DemoCity.RESOURCE_ROOT + "wechat-residents.json";

    private static final Pattern KEY = Pattern.compile("[a-z0-9_-]{1,40}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern STATE = Pattern.compile("[A-Za-z0-9_.~-]{0,128}");
    private static final ZoneId CITY_TIME = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss");
    private static final Logger log = LoggerFactory.getLogger(DevelopmentWechat.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A demo WeChat user: one open id per app, one union id for both (one WeChat Open Platform account). */
    public record Resident(
            String key,
            String name,
            String note,
            String officialAccountOpenId,
            String miniProgramOpenId,
            String unionId) {

        String openId(App app) {
            return app == App.OFFICIAL_ACCOUNT ? officialAccountOpenId : miniProgramOpenId;
        }
    }

    enum App {
        OFFICIAL_ACCOUNT("公众号"),
        MINI_PROGRAM("小程序");

        final String shown;

        App(String shown) {
            this.shown = shown;
        }
    }

    /** A message WeChat accepted, as the delivery log shows it. */
    public record Delivered(
            long msgid,
            Instant at,
            String kind,
            String openId,
            String resident,
            String templateId,
            @Nullable String link,
            Map<String, String> data) {

        public Delivered {
            data = Map.copyOf(new LinkedHashMap<>(data));
        }
    }

    private record Code(App app, Resident resident, Instant expiresAt) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final String allowedRedirectOrigin;
    private final List<Resident> residents;
    private final Map<App, String> secrets = new HashMap<>();
    private final Map<App, String> tokens = new HashMap<>();
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, Long> sentByClientMsgId = new HashMap<>();
    private final ArrayDeque<Delivered> delivered = new ArrayDeque<>();
    private final SecureRandom random = new SecureRandom();
    private long nextMsgid = 1_000_001L;

    private DevelopmentWechat(HttpServer server, Clock clock, String publicUrl, List<Resident> residents) {
        this.server = server;
        this.clock = clock;
        this.allowedRedirectOrigin = origin(URI.create(publicUrl));
        this.residents = List.copyOf(residents);
        for (var app : App.values()) {
            secrets.put(app, randomToken(24));
        }
        this.executor = Executors.newFixedThreadPool(
                2, Thread.ofPlatform().name("dev-wechat-", 0).daemon().factory());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Starts on loopback, on {@code port} or (0) any free port; redirects after the authorize page go only to the
     * origin of {@code publicUrl}.
     */
    public static DevelopmentWechat start(int port, String publicUrl, Clock clock) {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            var wechat = new DevelopmentWechat(server, clock, publicUrl, demoResidents());
            server.start();
            log.info("The development WeChat (开发用微信) answers on {}", wechat.baseUri());
            return wechat;
        } catch (IOException e) {
            throw new UncheckedIOException("The development WeChat could not listen on 127.0.0.1:" + port, e);
        }
    }

    /** The demo city's WeChat residents ({@code demo/wechat-residents.json}). */
    static List<Resident> demoResidents() {
        try (var in = DevelopmentWechat.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the launcher lacks " + RESOURCE);
            }
            var found = new ArrayList<Resident>();
            for (var resident : JSON.readTree(in).path("residents").values()) {
                found.add(new Resident(
                        resident.path("key").asString(),
                        resident.path("name").asString(),
                        resident.path("note").asString(),
                        resident.path("officialAccountOpenId").asString(),
                        resident.path("miniProgramOpenId").asString(),
                        resident.path("unionId").asString()));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where it answers, {@code http://127.0.0.1:<port>/}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public List<Resident> residents() {
        return residents;
    }

    /** The AppSecret of the official account, handed to org-registry and notification-service only. */
    String officialAccountSecret() {
        return secrets.get(App.OFFICIAL_ACCOUNT);
    }

    String miniProgramSecret() {
        return secrets.get(App.MINI_PROGRAM);
    }

    /** The messages accepted so far, newest first. */
    public synchronized List<Delivered> delivered() {
        var newestFirst = new ArrayList<Delivered>(delivered);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "DevelopmentWechat[" + baseUri() + "]";
    }

    // ---- dispatch ------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var raw = exchange.getRequestURI().getRawQuery();
            if (raw != null && raw.length() > MAX_QUERY) {
                json(exchange, 414, error(44002, "query too long"));
                return;
            }
            var query = parse(raw);
            var method = exchange.getRequestMethod();
            var path = exchange.getRequestURI().getPath();
            switch (method + " " + path) {
                case "GET /", "GET /dev" -> html(exchange, 200, indexPage());
                case "GET /connect/oauth2/authorize" -> authorizePage(exchange, query);
                case "GET /connect/oauth2/authorize/choose" -> choose(exchange, query);
                case "GET /sns/oauth2/access_token" -> json(exchange, 200, exchangeCode(App.OFFICIAL_ACCOUNT, query));
                case "GET /sns/jscode2session" -> json(exchange, 200, exchangeCode(App.MINI_PROGRAM, query));
                case "POST /dev/mini-program/login" -> json(exchange, 200, miniProgramLogin(query));
                case "POST /cgi-bin/stable_token" -> json(exchange, 200, stableToken(body(exchange)));
                case "POST /cgi-bin/message/template/send" ->
                    json(exchange, 200, send(App.OFFICIAL_ACCOUNT, query, body(exchange)));
                case "POST /cgi-bin/message/subscribe/send" ->
                    json(exchange, 200, send(App.MINI_PROGRAM, query, body(exchange)));
                case "GET /dev/messages" -> html(exchange, 200, messagesPage());
                case "GET /dev/messages.json" -> json(exchange, 200, messagesJson());
                default -> json(exchange, 404, error(404, "开发用微信没有这个地址：" + method + " " + path));
            }
        } catch (RuntimeException e) {
            log.warn(
                    "The development WeChat failed on {} {}",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    e);
        }
    }

    // ---- 网页授权 ----------------------------------------------------------------------------------------------

    /** WeChat's authorize page: the app's name, and one button per demo resident (and one to decline). */
    private void authorizePage(HttpExchange exchange, Map<String, String> query) throws IOException {
        var refused = authorizeRefusal(query);
        if (refused != null) {
            html(exchange, 400, page("微信授权失败", "<p role=\"alert\">" + escape(refused) + "</p>"));
            return;
        }
        var redirect = query.get("redirect_uri");
        var state = query.getOrDefault("state", "");
        var snsapiUserinfo = "snsapi_userinfo".equals(query.get("scope"));
        var body = new StringBuilder();
        body.append("<p>「")
                .append(escape(APP_NAME))
                .append("」")
                .append(snsapiUserinfo ? "申请获得你的昵称、头像" : "申请获取你的身份标识（openid），用于登录")
                .append("。</p>")
                .append("<p>这是本机演示环境的开发用微信：请选择以哪位演示居民的微信身份登录。</p><ul>");
        for (var resident : residents) {
            body.append("<li><a class=\"resident\" data-resident=\"")
                    .append(escape(resident.key()))
                    .append("\" href=\"")
                    .append(escape(chooseLink(resident.key(), redirect, state)))
                    .append("\">以")
                    .append(escape(resident.name()))
                    .append("（")
                    .append(escape(resident.note()))
                    .append("）的微信登录</a></li>");
        }
        body.append("</ul><p><a class=\"decline\" href=\"")
                .append(escape(chooseLink("", redirect, state)))
                .append("\">拒绝</a></p>");
        html(exchange, 200, page("微信授权 · " + APP_NAME, body.toString()));
    }

    private @Nullable String authorizeRefusal(Map<String, String> query) {
        if (!OFFICIAL_ACCOUNT_APP_ID.equals(query.get("appid"))) {
            return "公众号的 AppID 不对（开发用微信只认 " + OFFICIAL_ACCOUNT_APP_ID + "）";
        }
        if (!"code".equals(query.get("response_type"))) {
            return "response_type 只能是 code";
        }
        var scope = query.get("scope");
        if (!"snsapi_base".equals(scope) && !"snsapi_userinfo".equals(scope)) {
            return "scope 只能是 snsapi_base 或 snsapi_userinfo";
        }
        if (!STATE.matcher(query.getOrDefault("state", "")).matches()) {
            return "state 只能是 128 位以内的字母和数字";
        }
        var redirect = query.get("redirect_uri");
        URI target;
        try {
            target = redirect == null ? null : URI.create(redirect);
        } catch (IllegalArgumentException e) {
            target = null;
        }
        if (target == null || !target.isAbsolute() || !allowedRedirectOrigin.equals(origin(target))) {
            // WeChat sends back only to the account's authorised domain (网页授权域名): here, the stack's address.
            return "回调地址不在本公众号的网页授权域名（" + allowedRedirectOrigin + "）下";
        }
        return null;
    }

    /** The resident's choice (or the refusal): back to the app with a code and the state, as WeChat does. */
    private void choose(HttpExchange exchange, Map<String, String> query) throws IOException {
        var check = new LinkedHashMap<>(query);
        check.put("appid", OFFICIAL_ACCOUNT_APP_ID);
        check.put("response_type", "code");
        check.putIfAbsent("scope", "snsapi_base");
        var refused = authorizeRefusal(check);
        if (refused != null) {
            html(exchange, 400, page("微信授权失败", "<p role=\"alert\">" + escape(refused) + "</p>"));
            return;
        }
        var redirect = query.get("redirect_uri");
        var state = query.getOrDefault("state", "");
        var key = query.getOrDefault("resident", "");
        var back = new StringBuilder(redirect).append(redirect.contains("?") ? "&" : "?");
        if (!key.isEmpty()) {
            var resident = resident(key);
            if (resident.isEmpty()) {
                html(exchange, 400, page("微信授权失败", "<p role=\"alert\">没有这位演示居民</p>"));
                return;
            }
            back.append("code=")
                    .append(issueCode(App.OFFICIAL_ACCOUNT, resident.get()))
                    .append("&");
        }
        back.append("state=").append(encode(state));
        exchange.getResponseHeaders().set("Location", back.toString());
        exchange.sendResponseHeaders(302, -1);
    }

    private String chooseLink(String resident, String redirect, String state) {
        return "/connect/oauth2/authorize/choose?resident=" + encode(resident) + "&redirect_uri=" + encode(redirect)
                + "&state=" + encode(state);
    }

    /** A mini program's {@code wx.login}: a code for the resident, as the phone's WeChat would hand the mini program. */
    private ObjectNode miniProgramLogin(Map<String, String> query) {
        var resident = resident(query.getOrDefault("resident", ""));
        if (resident.isEmpty()) {
            return error(40003, "没有这位演示居民");
        }
        var answer = JSON.createObjectNode();
        answer.put("code", issueCode(App.MINI_PROGRAM, resident.get()));
        answer.put("expires_in", CODE_LIFETIME.toSeconds());
        return answer;
    }

    private synchronized String issueCode(App app, Resident resident) {
        var now = clock.instant();
        codes.values().removeIf(code -> !now.isBefore(code.expiresAt()));
        var code = randomToken(24);
        codes.put(code, new Code(app, resident, now.plus(CODE_LIFETIME)));
        return code;
    }

    /** {@code sns/oauth2/access_token} and {@code sns/jscode2session}: a code, once, for who the resident is. */
    private ObjectNode exchangeCode(App app, Map<String, String> query) {
        var appRefusal = appRefusal(app, query.get("appid"), query.get("secret"));
        if (appRefusal != null) {
            return appRefusal;
        }
        if (!"authorization_code".equals(query.get("grant_type"))) {
            return error(40002, "invalid grant_type");
        }
        var given = query.getOrDefault(app == App.OFFICIAL_ACCOUNT ? "code" : "js_code", "");
        Code code;
        synchronized (this) {
            code = CODE.matcher(given).matches() ? codes.remove(given) : null;
        }
        if (code == null || code.app() != app || !clock.instant().isBefore(code.expiresAt())) {
            return error(40029, "invalid code");
        }
        var answer = JSON.createObjectNode();
        if (app == App.OFFICIAL_ACCOUNT) {
            answer.put("access_token", randomToken(24));
            answer.put("expires_in", TOKEN_LIFETIME.toSeconds());
            answer.put("refresh_token", randomToken(24));
            answer.put("scope", "snsapi_base");
        } else {
            answer.put("session_key", randomToken(16));
        }
        answer.put("openid", code.resident().openId(app));
        answer.put("unionid", code.resident().unionId());
        return answer;
    }

    // ---- messages ------------------------------------------------------------------------------------------------

    /** {@code cgi-bin/stable_token}: the same token for every asker until it expires or is forced anew. */
    private ObjectNode stableToken(JsonNode request) {
        var app = request.path("appid").asString("").equals(MINI_PROGRAM_APP_ID)
                ? App.MINI_PROGRAM
                : App.OFFICIAL_ACCOUNT;
        var refusal = appRefusal(
                app,
                request.path("appid").asString(null),
                request.path("secret").asString(null));
        if (refusal != null) {
            return refusal;
        }
        if (!"client_credential".equals(request.path("grant_type").asString(""))) {
            return error(40002, "invalid grant_type");
        }
        String token;
        synchronized (this) {
            if (!tokens.containsKey(app) || request.path("force_refresh").asBoolean(false)) {
                tokens.put(app, randomToken(32));
            }
            token = tokens.get(app);
        }
        var answer = JSON.createObjectNode();
        answer.put("access_token", token);
        answer.put("expires_in", TOKEN_LIFETIME.toSeconds());
        return answer;
    }

    /** A template message (official account) or a subscription message (mini program) to one resident's open id. */
    private ObjectNode send(App app, Map<String, String> query, JsonNode message) {
        var given = query.getOrDefault("access_token", "");
        synchronized (this) {
            var token = tokens.get(app);
            if (token == null
                    || !MessageDigest.isEqual(
                            token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
                return error(40001, "invalid credential, access_token is invalid or not latest");
            }
        }
        var openId = message.path("touser").asString("");
        var resident = residents.stream()
                .filter(candidate -> candidate.openId(app).equals(openId))
                .findFirst();
        if (resident.isEmpty()) {
            return error(40003, "invalid openid");
        }
        var templateId = message.path("template_id").asString("");
        if (!PROGRESS_TEMPLATE.equals(templateId)) {
            return error(40037, "invalid template_id");
        }
        var data = new LinkedHashMap<String, String>();
        for (var entry : message.path("data").properties()) {
            if (data.size() >= 20) {
                break;
            }
            data.put(
                    bounded(entry.getKey(), 32),
                    bounded(entry.getValue().path("value").asString(""), 500));
        }
        var link = message.path(app == App.OFFICIAL_ACCOUNT ? "url" : "page").asString(null);
        var clientMsgId = message.path("client_msg_id").asString("");
        long msgid;
        synchronized (this) {
            var earlier = clientMsgId.isEmpty() ? null : sentByClientMsgId.get(openId + " " + clientMsgId);
            if (earlier != null) {
                // WeChat sends one message per open id and client_msg_id: a retry is answered, not sent again.
                msgid = earlier;
            } else {
                msgid = nextMsgid++;
                if (!clientMsgId.isEmpty()) {
                    sentByClientMsgId.put(openId + " " + bounded(clientMsgId, 64), msgid);
                }
                delivered.addLast(new Delivered(
                        msgid,
                        clock.instant(),
                        app == App.OFFICIAL_ACCOUNT ? "公众号模板消息" : "小程序订阅消息",
                        openId,
                        resident.get().name(),
                        templateId,
                        link == null ? null : bounded(link, 500),
                        data));
                while (delivered.size() > LOG_SIZE) {
                    delivered.removeFirst();
                }
                if (sentByClientMsgId.size() > LOG_SIZE * 2) {
                    sentByClientMsgId.clear();
                }
            }
        }
        var answer = error(0, "ok");
        answer.put("msgid", msgid);
        return answer;
    }

    private @Nullable ObjectNode appRefusal(App app, @Nullable String appId, @Nullable String secret) {
        var expectedId = app == App.OFFICIAL_ACCOUNT ? OFFICIAL_ACCOUNT_APP_ID : MINI_PROGRAM_APP_ID;
        if (!expectedId.equals(appId)) {
            return error(40013, "invalid appid");
        }
        if (secret == null
                || !MessageDigest.isEqual(
                        secrets.get(app).getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            return error(40125, "invalid appsecret");
        }
        return null;
    }

    // ---- the delivery log ----------------------------------------------------------------------------------------

    private ObjectNode messagesJson() {
        var answer = JSON.createObjectNode();
        answer.put("说明", "开发用微信收到的消息，最新的在前（北京时间）");
        var list = answer.putArray("messages");
        for (var message : delivered()) {
            var item = list.addObject();
            item.put("msgid", message.msgid());
            item.put("sentAt", shown(message.at()));
            item.put("kind", message.kind());
            item.put("openId", message.openId());
            item.put("resident", message.resident());
            item.put("templateId", message.templateId());
            item.put("templateName", PROGRESS_TEMPLATE_NAME);
            if (message.link() != null) {
                item.put("link", message.link());
            }
            var data = item.putObject("data");
            message.data().forEach(data::put);
        }
        return answer;
    }

    private String messagesPage() {
        var body =
                new StringBuilder("<p>开发用微信收到的消息，最新的在前；时间为北京时间。").append("<a href=\"/dev/messages.json\">JSON</a></p>");
        var messages = delivered();
        if (messages.isEmpty()) {
            body.append("<p>还没有发出的微信消息。</p>");
        } else {
            body.append("<table><thead><tr><th>时间</th><th>收信居民</th><th>openid</th><th>方式</th><th>模板</th>")
                    .append("<th>内容</th></tr></thead><tbody>");
            for (var message : messages) {
                body.append("<tr><td>")
                        .append(escape(shown(message.at())))
                        .append("</td><td>")
                        .append(escape(message.resident()))
                        .append("</td><td><code>")
                        .append(escape(message.openId()))
                        .append("</code></td><td>")
                        .append(escape(message.kind()))
                        .append("</td><td>")
                        .append(escape(PROGRESS_TEMPLATE_NAME))
                        .append("</td><td>");
                message.data()
                        .values()
                        .forEach(value -> body.append(escape(value)).append("<br>"));
                if (message.link() != null) {
                    body.append("<small>点开：").append(escape(message.link())).append("</small>");
                }
                body.append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        return page("开发用微信 · 消息记录", body.toString());
    }

    private String indexPage() {
        var body = new StringBuilder()
                .append("<p>本机演示环境的开发用微信，代替微信完成网页授权登录、小程序登录和消息发送，只在本机可用。</p><ul>")
                .append("<li><a href=\"/dev/messages\">消息记录</a>（发给居民的微信消息）</li>")
                .append("<li>公众号 AppID <code>")
                .append(OFFICIAL_ACCOUNT_APP_ID)
                .append("</code>，小程序 AppID <code>")
                .append(MINI_PROGRAM_APP_ID)
                .append("</code></li></ul><h2>演示居民</h2><ul>");
        for (var resident : residents) {
            body.append("<li>")
                    .append(escape(resident.name()))
                    .append("（")
                    .append(escape(resident.note()))
                    .append("）公众号 openid <code>")
                    .append(escape(resident.officialAccountOpenId()))
                    .append("</code>，小程序 openid <code>")
                    .append(escape(resident.miniProgramOpenId()))
                    .append("</code> <form method=\"post\" action=\"/dev/mini-program/login?resident=")
                    .append(escape(resident.key()))
                    .append("\" style=\"display:inline\"><button>小程序登录码（wx.login）</button></form></li>");
        }
        body.append("</ul>");
        return page("开发用微信", body.toString());
    }

    private static String shown(Instant at) {
        return SHOWN.format(at.atZone(CITY_TIME));
    }

    // ---- plumbing ------------------------------------------------------------------------------------------------

    private Optional<Resident> resident(String key) {
        if (!KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        return residents.stream().filter(resident -> resident.key().equals(key)).findFirst();
    }

    private static ObjectNode error(long errcode, String errmsg) {
        var answer = JSON.createObjectNode();
        answer.put("errcode", errcode);
        answer.put("errmsg", errmsg);
        return answer;
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            var bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                return JSON.createObjectNode();
            }
            try {
                var parsed = JSON.readTree(bytes);
                return parsed != null && parsed.isObject() ? parsed : JSON.createObjectNode();
            } catch (RuntimeException e) {
                return JSON.createObjectNode();
            }
        }
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsString(body));
    }

    private static void html(HttpExchange exchange, int status, String page) throws IOException {
        exchange.getResponseHeaders().set("Content-Language", "zh-CN");
        exchange.getResponseHeaders()
                .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        send(exchange, status, "text/html; charset=utf-8", page);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>body{font-family:sans-serif;margin:1.5em;max-width:60em}td,th{border-bottom:1px solid #ddd;\
                padding:.3em .6em;text-align:left;vertical-align:top}a.resident{display:inline-block;margin:.3em 0}</style>
                </head>
                <body><main><h1>%s</h1>%s</main></body>
                </html>
                """.formatted(escape(title), escape(title), body);
    }

    static Map<String, String> parse(@Nullable String raw) {
        var values = new LinkedHashMap<String, String>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (var pair : raw.split("&", 32)) {
            int equals = pair.indexOf('=');
            var name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            var value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static String origin(URI uri) {
        int port = uri.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
        return (uri.getScheme() + "://" + uri.getHost() + ":" + port).toLowerCase(java.util.Locale.ROOT);
    }

    private String randomToken(int bytes) {
        var value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String bounded(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String escape(@Nullable String text) {
        if (text == null) {
            return "";
        }
        var escaped = new StringBuilder(text.length());
        for (var c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
