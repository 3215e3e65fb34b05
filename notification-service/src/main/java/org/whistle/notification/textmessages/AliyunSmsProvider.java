package org.whistle.notification.textmessages;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.TreeMap;
import java.util.UUID;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.delivery.Delivery;
import org.whistle.notification.delivery.Undeliverable;
import org.whistle.notification.textmessages.domain.AliyunRpcSignature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alibaba Cloud SMS: {@code SendSms} (version 2017-05-25) as a form POST to the configured endpoint, signed with the
 * RPC signature ({@link AliyunRpcSignature}). The delivery's id goes as {@code OutId} and the answer's {@code BizId} is
 * what the delivery receipt names. Throttling and the provider's own failures are retried; any other refusal is final.
 */
class AliyunSmsProvider implements TextMessageProvider {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final NotificationProperties.Aliyun settings;
    private final SmsProviderHttp http;
    private final Clock clock;
    private final String accessKeyId;
    private final String accessKeySecret;
    private final String signName;

    AliyunSmsProvider(NotificationProperties.Aliyun settings, SmsProviderHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.accessKeyId = SmsProviderHttp.required(settings.accessKeyId(), "aliyun.access-key-id");
        this.accessKeySecret = SmsProviderHttp.required(settings.accessKeySecret(), "aliyun.access-key-secret");
        this.signName = SmsProviderHttp.required(settings.signName(), "aliyun.sign-name");
    }

    @Override
    public boolean needsContact() {
        return true;
    }

    @Override
    public Sent send(Delivery delivery, String address, String text) throws IOException, InterruptedException {
        var template = http.template(delivery.template());
        var parameters = new TreeMap<String, String>();
        parameters.put("AccessKeyId", accessKeyId);
        parameters.put("Action", "SendSms");
        parameters.put("Format", "JSON");
        parameters.put("RegionId", settings.regionId());
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureNonce", UUID.randomUUID().toString());
        parameters.put("SignatureVersion", "1.0");
        parameters.put(
                "Timestamp",
                TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
        parameters.put("Version", "2017-05-25");
        parameters.put("PhoneNumbers", address);
        parameters.put("SignName", signName);
        parameters.put("TemplateCode", template.code());
        parameters.put("TemplateParam", JsonMapper.shared().writeValueAsString(template.fill(delivery.title(), text)));
        parameters.put("OutId", Long.toString(delivery.id()));
        var body = AliyunRpcSignature.canonicalQuery(parameters) + "&Signature="
                + AliyunRpcSignature.percentEncode(AliyunRpcSignature.signature(accessKeySecret, "POST", parameters));

        var answer = http.post(
                settings.endpoint(),
                HttpRequest.newBuilder().header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                body);
        if (answer.retryable()) {
            throw new IOException("阿里云短信暂不可用：HTTP " + answer.status());
        }
        JsonNode json;
        try {
            json = JsonMapper.shared().readTree(answer.body());
        } catch (RuntimeException e) {
            throw Undeliverable.refused("阿里云短信的答复无法识别：HTTP " + answer.status());
        }
        var code = json.path("Code").asString("");
        if ("OK".equals(code) && answer.status() == 200) {
            var bizId = json.path("BizId").asString("");
            return new Sent("阿里云短信已受理（BizId " + bizId + "）", bizId.isBlank() ? null : "aliyun:" + bizId);
        }
        if (code.startsWith("Throttling")
                || code.equals("ServiceUnavailable")
                || code.startsWith("InternalError")
                || code.equals("isp.SYSTEM_ERROR")) {
            throw new IOException("阿里云短信暂不可用：" + code);
        }
        throw Undeliverable.refused("阿里云短信拒收：" + (code.isBlank() ? "HTTP " + answer.status() : code));
    }
}
