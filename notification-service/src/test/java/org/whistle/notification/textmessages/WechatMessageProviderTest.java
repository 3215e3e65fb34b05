package org.whistle.notification.textmessages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.delivery.Delivery;
import org.whistle.notification.delivery.Undeliverable;
import org.whistle.notification.delivery.domain.Recipient;
import org.whistle.notification.rules.domain.ChannelKind;
import org.whistle.notification.rules.domain.UrgencyClass;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeChat adapter against WeChat's API played on a local port: it asks for the stable access token once and keeps
 * it until shortly before it expires, renews it when WeChat rejects it, sends the template registered for the message
 * kind to the open id, and reads WeChat's {@code errcode} as sent, worth another attempt, unreachable or refused —
 * never with the AppSecret or the token in what it says.
 */
class WechatMessageProviderTest {

    private static final String SECRET = "wechat-app-secret-0123456789";

    private HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<String> messageAnswers = new ArrayDeque<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile String tokenAnswer;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T15:10:00Z"));

    record Request(String path, String query, JsonNode body) {}

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void wechat() throws IOException {
        tokenAnswer = null;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var body = JsonMapper.shared()
                    .readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            var path = exchange.getRequestURI().getPath();
            requests.add(new Request(path, exchange.getRequestURI().getQuery(), body));
            String answer;
            if (path.equals("/cgi-bin/stable_token")) {
                answer = tokenAnswer != null
                        ? tokenAnswer
                        : body.path("force_refresh").asBoolean()
                                ? "{\"access_token\":\"TOKEN-" + tokensIssued.incrementAndGet()
                                        + "\",\"expires_in\":7200}"
                                : "{\"access_token\":\"TOKEN-" + Math.max(1, tokensIssued.get())
                                        + "\",\"expires_in\":7200}";
                tokensIssued.compareAndSet(0, 1);
            } else {
                answer = messageAnswers.isEmpty()
                        ? "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}"
                        : messageAnswers.poll();
            }
            var bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private NotificationProperties.Wechat settings(String messageApi) {
        return new NotificationProperties.Wechat(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "wx1234567890abcdef",
                SECRET,
                messageApi,
                "https://whistle.example.cn/track",
                "event-token-of-the-account");
    }

    private WechatMessageProvider provider(String messageApi) {
        var variables = new LinkedHashMap<String, String>();
        variables.put("thing1", "title");
        variables.put("thing2", "text:20");
        var settings = settings(messageApi);
        return new WechatMessageProvider(
                settings,
                new WechatApi(settings, Duration.ofSeconds(2), clock),
                Map.of("whistle-routed.FILED", new NotificationProperties.RegisteredTemplate("TPL-FILED", variables)));
    }

    private static Delivery delivery(String template) {
        return new Delivery(
                42,
                UUID.randomUUID(),
                "whistle-routed",
                UUID.randomUUID(),
                Recipient.reporter(UUID.randomUUID().toString()),
                ChannelKind.WECHAT,
                "",
                false,
                UrgencyClass.ROUTINE,
                template,
                "哨情已受理",
                "您反映的问题（〔查询码〕）已受理，工单 T-1。",
                "{}");
    }

    private List<Request> messages() {
        return requests.stream()
                .filter(request -> !request.path().equals("/cgi-bin/stable_token"))
                .toList();
    }

    private List<Request> tokenRequests() {
        return requests.stream()
                .filter(request -> request.path().equals("/cgi-bin/stable_token"))
                .toList();
    }

    @Test
    void sendsTheRegisteredTemplateToTheOpenIdWithTheStableToken() throws Exception {
        var sent = provider("template")
                .send(delivery("whistle-routed.FILED"), "oOPENID-1", "您反映的问题（ABC123）已受理，工单 T-1，请留意后续进展。");

        assertThat(sent.detail()).isEqualTo("微信消息已发送（msgid 200228332）");
        assertThat(sent.receiptKey()).as("what WeChat's push will name").isEqualTo("wechat:200228332");
        var token = tokenRequests().getFirst().body();
        assertThat(token.path("grant_type").asString()).isEqualTo("client_credential");
        assertThat(token.path("appid").asString()).isEqualTo("wx1234567890abcdef");
        assertThat(token.path("secret").asString()).isEqualTo(SECRET);
        assertThat(token.path("force_refresh").asBoolean()).isFalse();
        var message = messages().getFirst();
        assertThat(message.path()).isEqualTo("/cgi-bin/message/template/send");
        assertThat(message.query()).isEqualTo("access_token=TOKEN-1");
        assertThat(message.body().path("touser").asString()).isEqualTo("oOPENID-1");
        assertThat(message.body().path("template_id").asString()).isEqualTo("TPL-FILED");
        assertThat(message.body().path("url").asString()).isEqualTo("https://whistle.example.cn/track");
        assertThat(message.body().path("client_msg_id").asString()).isEqualTo("whistle-42");
        assertThat(message.body().path("data").path("thing1").path("value").asString())
                .isEqualTo("哨情已受理");
        assertThat(message.body().path("data").path("thing2").path("value").asString())
                .as("WeChat's thing takes 20 characters: cut, ending in …")
                .isEqualTo("您反映的问题（ABC123）已受理，工…")
                .hasSize(20);
        assertThat(message.body().toString()).doesNotContain(SECRET);
    }

    @Test
    void sendsAMiniProgramsSubscriptionMessageWithThePage() throws Exception {
        provider("subscribe").send(delivery("whistle-routed.FILED"), "oOPENID-2", "已受理");

        var message = messages().getFirst();
        assertThat(message.path()).isEqualTo("/cgi-bin/message/subscribe/send");
        assertThat(message.body().path("page").asString()).isEqualTo("https://whistle.example.cn/track");
        assertThat(message.body().has("url")).isFalse();
        assertThat(message.body().has("client_msg_id")).isFalse();
    }

    @Test
    void keepsTheTokenUntilShortlyBeforeItExpires() throws Exception {
        var provider = provider("template");
        provider.send(delivery("whistle-routed.FILED"), "oOPENID-1", "x");
        clock.advance(Duration.ofMinutes(110));
        provider.send(delivery("whistle-routed.FILED"), "oOPENID-1", "x");
        assertThat(tokenRequests())
                .as("one token for two hours less five minutes")
                .hasSize(1);

        clock.advance(Duration.ofMinutes(6));
        provider.send(delivery("whistle-routed.FILED"), "oOPENID-1", "x");
        assertThat(tokenRequests()).hasSize(2);
    }

    @Test
    void renewsARejectedTokenAndSendsOnceMore() throws Exception {
        messageAnswers.add("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");

        var sent = provider("template").send(delivery("whistle-routed.FILED"), "oOPENID-1", "x");

        assertThat(sent.detail()).startsWith("微信消息已发送");
        assertThat(messages())
                .extracting(Request::query)
                .containsExactly("access_token=TOKEN-1", "access_token=TOKEN-2");
        assertThat(tokenRequests())
                .as("the stable endpoint still gave the rejected token, so a new one was forced")
                .extracting(request -> request.body().path("force_refresh").asBoolean())
                .containsExactly(false, false, true);
    }

    @Test
    void retriesWhatWechatCannotTakeNowAndRefusesTheRest() {
        var provider = provider("template");
        messageAnswers.add("{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}");
        assertThatThrownBy(() -> provider.send(delivery("whistle-routed.FILED"), "oOPENID-1", "x"))
                .isInstanceOf(IOException.class)
                .hasMessage("微信暂不能发送（errcode 45009）");

        messageAnswers.add("{\"errcode\":-1,\"errmsg\":\"system error\"}");
        assertThatThrownBy(() -> provider.send(delivery("whistle-routed.FILED"), "oOPENID-1", "x"))
                .isInstanceOf(IOException.class);

        messageAnswers.add("{\"errcode\":43101,\"errmsg\":\"user refuse to accept the msg\"}");
        assertThatThrownBy(() -> provider.send(delivery("whistle-routed.FILED"), "oOPENID-1", "x"))
                .isInstanceOfSatisfying(
                        Undeliverable.class, e -> assertThat(e.unreachable()).isTrue())
                .hasMessage("微信联系不到反映问题的群众（errcode 43101）");

        messageAnswers.add("{\"errcode\":47003,\"errmsg\":\"argument invalid! data.thing2.value invalid\"}");
        assertThatThrownBy(() -> provider.send(delivery("whistle-routed.FILED"), "oOPENID-1", "x"))
                .isInstanceOfSatisfying(
                        Undeliverable.class, e -> assertThat(e.unreachable()).isFalse())
                .hasMessage("微信拒收（errcode 47003）");
    }

    @Test
    void refusesForGoodWhenWechatWillNotIssueATokenAndSaysNeitherSecretNorToken() {
        tokenAnswer = "{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}";
        assertThatThrownBy(() -> provider("template").send(delivery("whistle-routed.FILED"), "oOPENID-1", "x"))
                .isInstanceOf(Undeliverable.class)
                .hasMessageContaining("errcode 40125")
                .hasMessageNotContaining(SECRET);
        assertThat(messages()).as("nothing sent without a token").isEmpty();

        tokenAnswer = "{\"errcode\":-1,\"errmsg\":\"system error\"}";
        assertThatThrownBy(() -> provider("template").send(delivery("whistle-routed.FILED"), "oOPENID-1", "x"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void sendsNothingForAMessageKindWithoutARegisteredTemplate() {
        assertThatThrownBy(() -> provider("template").send(delivery("whistle-closed.CLOSED"), "oOPENID-1", "x"))
                .isInstanceOf(Undeliverable.class)
                .hasMessage("没有为此类消息登记微信模板（whistle-closed.CLOSED）");
        assertThat(requests).as("nothing reached WeChat").isEmpty();
    }

    @Test
    void saysNeitherTokenNorAddressWhenWechatCannotBeReached() throws Exception {
        var provider = provider("template");
        provider.send(delivery("whistle-routed.FILED"), "oOPENID-1", "x");
        server.stop(0);

        assertThatThrownBy(() -> provider.send(delivery("whistle-routed.FILED"), "oOPENID-1", "x"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("微信接口无法连接")
                .hasMessageNotContaining("TOKEN-1")
                .hasMessageNotContaining("127.0.0.1");
    }

    @Test
    void keepsTheAppSecretOutOfItsSettingsShownInLogs() {
        assertThat(settings("template").toString()).doesNotContain(SECRET).contains("wx1234567890abcdef");
        var provider = new NotificationProperties.Provider(
                "wechat",
                null,
                null,
                Map.of(),
                NotificationProperties.Provider.development().aliyun(),
                NotificationProperties.Provider.development().tencent(),
                settings("template"),
                Map.of(),
                null);
        assertThat(provider.toString()).doesNotContain(SECRET);
        assertThat(provider.isDevelopment()).isFalse();
    }
}
