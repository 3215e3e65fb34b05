package org.whistle.notification.textmessages.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.notification.NotificationProperties;
import org.whistle.notification.textmessages.SmsReceipts;
import org.whistle.problems.NotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS providers' delivery receipts, pushed to {@code POST /api/notifications/sms-receipts/<provider>/<token>}.
 * Neither Alibaba Cloud's HTTP push of {@code SmsReport} nor Tencent Cloud's status callback is signed, so the secret
 * path token ({@code whistle.notification.sms.receipt-token}) is what authenticates them; a wrong token, an unknown
 * provider, or no token configured all answer 404, as if nothing were here. The numbers in a
 * receipt are read by nobody: only the provider's message id and its outcome are kept.
 */
@RestController
class SmsReceiptsController {

    /** A batch of receipts is a few kilobytes; more is not a receipt. */
    static final int MAX_BODY = 256 * 1024;

    static final int MAX_RECEIPTS = 1000;

    private final NotificationProperties.Provider sms;
    private final SmsReceipts receipts;

    SmsReceiptsController(NotificationProperties properties, SmsReceipts receipts) {
        this.sms = properties.sms();
        this.receipts = receipts;
    }

    @PostMapping("/api/notifications/sms-receipts/{provider}/{token}")
    ResponseEntity<Map<String, Object>> receive(
            @PathVariable String provider, @PathVariable String token, HttpServletRequest request) throws IOException {
        // Either provider's format is taken: a receipt names a message by the provider that took it (aliyun:…,
        // tencent:…), so it can only reach deliveries that provider sent, even across a change of provider.
        if (!(provider.equals("aliyun") || provider.equals("tencent")) || !tokenMatches(token)) {
            throw new NotFoundException("receipt-endpoint", "");
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(answer(provider, 1, "回执过大"));
        }
        JsonNode batch;
        try {
            batch = JsonMapper.shared().readTree(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().body(answer(provider, 1, "回执不是 JSON"));
        }
        if (batch.isObject()) {
            batch = JsonMapper.shared().createArrayNode().add(batch);
        }
        if (!batch.isArray() || batch.size() > MAX_RECEIPTS) {
            return ResponseEntity.badRequest().body(answer(provider, 1, "回执应为至多 1000 条的列表"));
        }
        for (var receipt : batch) {
            switch (provider) {
                case "aliyun" -> {
                    var bizId = receipt.path("biz_id").asString("");
                    if (!bizId.isBlank() && bizId.length() <= 100) {
                        receipts.received(
                                "aliyun:" + bizId,
                                receipt.path("success").asBoolean(false),
                                reason(receipt.path("err_msg"), receipt.path("err_code")));
                    }
                }
                case "tencent" -> {
                    var sid = receipt.path("sid").asString("");
                    if (!sid.isBlank() && sid.length() <= 100) {
                        receipts.received(
                                "tencent:" + sid,
                                "SUCCESS"
                                        .equalsIgnoreCase(
                                                receipt.path("report_status").asString("")),
                                reason(receipt.path("description"), receipt.path("errmsg")));
                    }
                }
                default -> {
                    throw new NotFoundException("receipt-endpoint", "");
                }
            }
        }
        return ResponseEntity.ok(answer(provider, 0, "成功"));
    }

    /** The provider's words, then its code: "用户手机号码停机（MK:0012）". */
    private static String reason(JsonNode words, JsonNode code) {
        var said = words.asString("").strip();
        var coded = code.asString("").strip();
        if (said.isEmpty()) {
            return coded;
        }
        return coded.isEmpty() ? said : said + "（" + coded + "）";
    }

    /** Each provider's documented acknowledgement: Alibaba Cloud reads {@code code}, Tencent Cloud {@code result}. */
    private static Map<String, Object> answer(String provider, int code, String message) {
        return "tencent".equals(provider)
                ? Map.of("result", code, "errmsg", message)
                : Map.of("code", code, "msg", message);
    }

    private boolean tokenMatches(String token) {
        var expected = sms.receiptToken();
        return expected != null
                && expected.length() >= 16
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
