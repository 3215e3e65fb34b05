package org.whistle.notification.textmessages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.delivery.Delivery;
import org.whistle.notification.delivery.Undeliverable;
import org.whistle.notification.delivery.domain.Recipient;
import org.whistle.notification.rules.domain.ChannelKind;
import org.whistle.notification.rules.domain.UrgencyClass;
import org.whistle.notification.textmessages.domain.AliyunRpcSignature;
import org.whistle.notification.textmessages.domain.TencentTc3Signature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Alibaba Cloud and Tencent Cloud adapters against a provider played on a local port: each request is signed so
 * that the provider's own check (recomputed here from the request as received) passes, fills the template registered
 * for the message kind, and is read back as sent (with the id its receipt will name), retried or refused.
 */
class SmsProvidersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T15:10:00Z"), ZoneOffset.UTC);

    private HttpServer server;
    private final AtomicReference<Captured> captured = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String answer = "";

    record Captured(String path, Map<String, List<String>> headers, String body) {}

    @BeforeEach
    void provider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            captured.set(new Captured(
                    exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            var bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static SmsProviderHttp http(Map<String, String> variables) {
        return new SmsProviderHttp(
                Duration.ofSeconds(2),
                Map.of("whistle-routed.FILED", new NotificationProperties.RegisteredTemplate("SMS_465", variables)));
    }

    private static Delivery delivery(String template) {
        return new Delivery(
                42,
                UUID.randomUUID(),
                "whistle-routed",
                UUID.randomUUID(),
                Recipient.reporter(UUID.randomUUID().toString()),
                ChannelKind.SMS,
                "",
                false,
                UrgencyClass.ROUTINE,
                template,
                "哨情已受理",
                "您反映的问题（〔查询码〕）已受理，工单 T-1。",
                "{}");
    }

    private AliyunSmsProvider aliyun() {
        var variables = new LinkedHashMap<String, String>();
        variables.put("title", "title");
        variables.put("content", "text");
        return new AliyunSmsProvider(
                new NotificationProperties.Aliyun(endpoint(), "cn-hangzhou", "testId", "testSecret", "城市哨声"),
                http(variables),
                CLOCK);
    }

    private TencentSmsProvider tencent() {
        var variables = new LinkedHashMap<String, String>();
        variables.put("2", "text");
        variables.put("1", "title");
        return new TencentSmsProvider(
                new NotificationProperties.Tencent(
                        endpoint(), "ap-guangzhou", "AKIDtest", "tencent-secret", "1400006666", "城市哨声"),
                http(variables),
                CLOCK);
    }

    @Test
    void sendsToAlibabaCloudSignedAsItChecks() throws Exception {
        answer = "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\",\"RequestId\":\"r\"}";

        var sent = aliyun().send(delivery("whistle-routed.FILED"), "13812345678", "您反映的问题（ABC123）已受理。");

        assertThat(sent.receiptKey()).isEqualTo("aliyun:900619746936498440^0");
        assertThat(sent.detail()).isEqualTo("阿里云短信已受理（BizId 900619746936498440^0）");
        var form = new LinkedHashMap<String, String>();
        for (var pair : captured.get().body().split("&")) {
            int eq = pair.indexOf('=');
            form.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        assertThat(form)
                .containsEntry("Action", "SendSms")
                .containsEntry("PhoneNumbers", "13812345678")
                .containsEntry("SignName", "城市哨声")
                .containsEntry("TemplateCode", "SMS_465")
                .containsEntry("OutId", "42")
                .containsEntry("Timestamp", "2026-12-07T15:10:00Z")
                .containsEntry("TemplateParam", "{\"title\":\"哨情已受理\",\"content\":\"您反映的问题（ABC123）已受理。\"}");
        var signature = form.remove("Signature");
        assertThat(signature).isEqualTo(AliyunRpcSignature.signature("testSecret", "POST", form));
        assertThat(captured.get().body()).doesNotContain("testSecret");
    }

    @Test
    void sendsToTencentCloudSignedAsItChecks() throws Exception {
        answer = """
                {"Response":{"SendStatusSet":[{"SerialNo":"5000:1045710669157053657849499619","PhoneNumber":"+8613812345678",
                "Fee":1,"SessionContext":"42","Code":"Ok","Message":"send success","IsoCode":"CN"}],"RequestId":"r"}}
                """;

        var sent = tencent().send(delivery("whistle-routed.FILED"), "13812345678", "您反映的问题（ABC123）已受理。");

        assertThat(sent.receiptKey()).isEqualTo("tencent:5000:1045710669157053657849499619");
        var request = captured.get();
        var body = JsonMapper.shared().readTree(request.body());
        assertThat(body.path("PhoneNumberSet").path(0).asString()).isEqualTo("+8613812345678");
        assertThat(body.path("TemplateId").asString()).isEqualTo("SMS_465");
        assertThat(body.path("SmsSdkAppId").asString()).isEqualTo("1400006666");
        assertThat(body.path("TemplateParamSet").path(0).asString()).isEqualTo("哨情已受理");
        assertThat(body.path("TemplateParamSet").path(1).asString()).isEqualTo("您反映的问题（ABC123）已受理。");
        assertThat(header(request, "X-TC-Action")).isEqualTo("SendSms");
        assertThat(header(request, "X-TC-Timestamp")).isEqualTo("1796656200");
        var expected = TencentTc3Signature.sign(
                "AKIDtest",
                "tencent-secret",
                "sms",
                "127.0.0.1:" + server.getAddress().getPort(),
                "application/json; charset=utf-8",
                request.body(),
                1796656200L);
        assertThat(header(request, "Authorization")).isEqualTo(expected.authorization());
    }

    @Test
    void retriesWhatTheProviderCouldNotTakeNowAndRefusesTheRest() {
        status = 503;
        answer = "";
        assertThatThrownBy(() -> aliyun().send(delivery("whistle-routed.FILED"), "13812345678", "x"))
                .isInstanceOf(IOException.class);

        status = 200;
        answer = "{\"Code\":\"Throttling.User\",\"Message\":\"flow control\"}";
        assertThatThrownBy(() -> aliyun().send(delivery("whistle-routed.FILED"), "13812345678", "x"))
                .isInstanceOf(IOException.class);

        answer = "{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"13812345678 illegal\"}";
        assertThatThrownBy(() -> aliyun().send(delivery("whistle-routed.FILED"), "13812345678", "x"))
                .isInstanceOf(Undeliverable.class)
                .hasMessage("阿里云短信拒收：isv.MOBILE_NUMBER_ILLEGAL");

        answer = "{\"Response\":{\"Error\":{\"Code\":\"RequestLimitExceeded\",\"Message\":\"slow down\"}}}";
        assertThatThrownBy(() -> tencent().send(delivery("whistle-routed.FILED"), "13812345678", "x"))
                .isInstanceOf(IOException.class);

        answer = "{\"Response\":{\"SendStatusSet\":[{\"Code\":\"FailedOperation.PhoneNumberInBlacklist\"}]}}";
        assertThatThrownBy(() -> tencent().send(delivery("whistle-routed.FILED"), "13812345678", "x"))
                .isInstanceOf(Undeliverable.class)
                .hasMessage("腾讯云短信拒收：FailedOperation.PhoneNumberInBlacklist");
    }

    @Test
    void sendsNothingForAMessageKindWithoutARegisteredTemplate() {
        captured.set(null);
        assertThatThrownBy(() -> tencent().send(delivery("whistle-closed.CLOSED"), "13812345678", "x"))
                .isInstanceOf(Undeliverable.class)
                .hasMessageContaining("没有为此类消息登记短信模板");
        assertThat(captured.get()).as("nothing reached the provider").isNull();
    }

    @Test
    void keepsTheSecretsOutOfItsSettingsShownInLogs() {
        var aliyun = new NotificationProperties.Aliyun(endpoint(), "cn-hangzhou", "testId", "testSecret", "城市哨声");
        var tencent = new NotificationProperties.Tencent(
                endpoint(), "ap-guangzhou", "AKIDtest", "tencent-secret", "1400006666", "城市哨声");
        assertThat(aliyun.toString()).doesNotContain("testSecret");
        assertThat(tencent.toString()).doesNotContain("tencent-secret");
    }

    private static String header(Captured request, String name) {
        return request.headers().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow()
                .getValue()
                .getFirst();
    }
}
