package org.whistle.notification.textmessages;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.delivery.Delivery;
import org.whistle.notification.delivery.Undeliverable;
import org.whistle.notification.textmessages.domain.TencentTc3Signature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tencent Cloud SMS: {@code SendSms} (version 2021-01-11) as a JSON POST to the configured endpoint, signed with
 * TC3-HMAC-SHA256 ({@link TencentTc3Signature}). The delivery's id goes as {@code SessionContext}, the answer's
 * {@code SerialNo} is what the status receipt names ({@code sid}). Rate limits and the provider's own failures are
 * retried; any other refusal is final.
 */
class TencentSmsProvider implements TextMessageProvider {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private final NotificationProperties.Tencent settings;
    private final SmsProviderHttp http;
    private final Clock clock;
    private final String secretId;
    private final String secretKey;
    private final String sdkAppId;
    private final String signName;

    TencentSmsProvider(NotificationProperties.Tencent settings, SmsProviderHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.secretId = SmsProviderHttp.required(settings.secretId(), "tencent.secret-id");
        this.secretKey = SmsProviderHttp.required(settings.secretKey(), "tencent.secret-key");
        this.sdkAppId = SmsProviderHttp.required(settings.sdkAppId(), "tencent.sdk-app-id");
        this.signName = SmsProviderHttp.required(settings.signName(), "tencent.sign-name");
    }

    @Override
    public boolean needsContact() {
        return true;
    }

    @Override
    public Sent send(Delivery delivery, String address, String text) throws IOException, InterruptedException {
        var template = http.template(delivery.template());
        var filled = new ArrayList<>(template.fill(delivery.title(), text).entrySet());
        // Tencent's variables are positional ({1}, {2} …): in the order of their numbers, however configured.
        filled.sort(Map.Entry.comparingByKey((a, b) -> position(a) - position(b)));
        var request = new LinkedHashMap<String, Object>();
        request.put("PhoneNumberSet", java.util.List.of(e164(address)));
        request.put("SmsSdkAppId", sdkAppId);
        request.put("SignName", signName);
        request.put("TemplateId", template.code());
        request.put("TemplateParamSet", filled.stream().map(Map.Entry::getValue).toList());
        request.put("SessionContext", Long.toString(delivery.id()));
        var payload = JsonMapper.shared().writeValueAsString(request);
        var endpoint = settings.endpoint();
        var host = endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
        long timestamp = clock.instant().getEpochSecond();
        var signed = TencentTc3Signature.sign(secretId, secretKey, "sms", host, CONTENT_TYPE, payload, timestamp);

        var answer = http.post(
                endpoint,
                HttpRequest.newBuilder()
                        .header("Authorization", signed.authorization())
                        .header("Content-Type", CONTENT_TYPE)
                        .header("X-TC-Action", "SendSms")
                        .header("X-TC-Version", "2021-01-11")
                        .header("X-TC-Region", settings.region())
                        .header("X-TC-Timestamp", Long.toString(timestamp)),
                payload);
        if (answer.retryable()) {
            throw new IOException("腾讯云短信暂不可用：HTTP " + answer.status());
        }
        JsonNode response;
        try {
            response = JsonMapper.shared().readTree(answer.body()).path("Response");
        } catch (RuntimeException e) {
            throw Undeliverable.refused("腾讯云短信的答复无法识别：HTTP " + answer.status());
        }
        var error = response.path("Error").path("Code").asString("");
        if (!error.isBlank()) {
            failWith(error);
        }
        var status = response.path("SendStatusSet").path(0);
        var code = status.path("Code").asString("");
        if ("Ok".equals(code)) {
            var serial = status.path("SerialNo").asString("");
            return new Sent("腾讯云短信已受理（SerialNo " + serial + "）", serial.isBlank() ? null : "tencent:" + serial);
        }
        failWith(code.isBlank() ? "HTTP " + answer.status() : code);
        throw new IllegalStateException("unreachable");
    }

    /** Rate limits and the provider's own failures are worth another attempt; any other refusal is final. */
    private static void failWith(String code) throws IOException {
        if (code.startsWith("InternalError")
                || code.startsWith("RequestLimitExceeded")
                || code.startsWith("ServiceUnavailable")) {
            throw new IOException("腾讯云短信暂不可用：" + code);
        }
        throw Undeliverable.refused("腾讯云短信拒收：" + code);
    }

    private static int position(String key) {
        try {
            return Integer.parseInt(key.strip());
        } catch (NumberFormatException e) {
            throw Undeliverable.refused("腾讯云短信模板的变量须按序号登记（1、2…），不是 " + key);
        }
    }

    /** Tencent wants E.164: a mainland mobile number as +86…; a number already with + is left as it is. */
    static String e164(String phone) {
        var digits = phone.strip();
        return digits.startsWith("+") ? digits : "+86" + digits;
    }
}
