package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleRouted;

/**
 * The SMS providers' delivery receipts update the delivery log: delivered, or failed with the provider's reason (the
 * number in it masked); a repeated receipt changes nothing; only the secret path token lets a receipt in.
 */
class SmsReceiptsTest extends NotificationServiceTest {

    private static final String TOKEN = "test-receipt-token-0123456789";

    @Test
    void anAlibabaCloudReceiptMarksTheTextDeliveredOnce() throws Exception {
        long id = sentSms("aliyun:900619746936498440^0");

        var answer = receipt("/api/notifications/sms-receipts/aliyun/" + TOKEN, """
                [{"phone_number":"13812345678","send_time":"2026-12-07 23:10:00","report_time":"2026-12-07 23:10:05",
                  "success":true,"err_code":"DELIVERED","err_msg":"用户接收成功","sms_size":"1",
                  "biz_id":"900619746936498440^0","out_id":"%d"}]
                """.formatted(id));
        assertStatus(answer, 200);
        assertThat(json(answer).path("code").asInt(-1)).isZero();
        assertThat(row(id)).satisfies(row -> {
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.receipt()).isEqualTo("DELIVERED");
            assertThat(row.detail()).startsWith("短信已送达（").endsWith("）").doesNotContain("UTC");
        });

        // Providers push again when unsure we took it: the first receipt stands.
        assertStatus(
                receipt(
                        "/api/notifications/sms-receipts/aliyun/" + TOKEN,
                        "[{\"success\":false,\"err_code\":\"MK:0012\",\"err_msg\":\"停机\",\"biz_id\":\"900619746936498440^0\"}]"),
                200);
        assertThat(row(id).receipt()).isEqualTo("DELIVERED");
        assertThat(row(id).status()).isEqualTo("SENT");
    }

    @Test
    void aTencentCloudReceiptOfAFailureFailsTheDeliveryWithTheReasonMasked() throws Exception {
        var serial = "2640:" + UUID.randomUUID();
        long id = sentSms("tencent:" + serial);

        var answer = receipt("/api/notifications/sms-receipts/tencent/" + TOKEN, """
                [{"user_receive_time":"2026-12-07 23:10:05","nationcode":"86","mobile":"13812345678",
                  "report_status":"FAIL","errmsg":"MK:0012","description":"号码13812345678已停机","sid":"%s"}]
                """.formatted(serial));
        assertStatus(answer, 200);
        assertThat(json(answer).path("result").asInt(-1)).isZero();
        assertThat(row(id)).satisfies(row -> {
            assertThat(row.status()).isEqualTo("FAILED");
            assertThat(row.receipt()).isEqualTo("FAILED");
            assertThat(row.detail())
                    .startsWith("短信未送达（")
                    .contains("已停机（MK:0012）")
                    .doesNotContain("13812345678");
        });
    }

    @Test
    void withoutTheTokenAReceiptFindsNothing() throws Exception {
        var serial = "2640:" + UUID.randomUUID();
        long id = sentSms("tencent:" + serial);
        var body = "[{\"report_status\":\"FAIL\",\"errmsg\":\"x\",\"sid\":\"" + serial + "\"}]";

        var wrongToken = receipt("/api/notifications/sms-receipts/tencent/wrong-token-0123456789", body);
        assertStatus(wrongToken, 404);
        assertStatus(receipt("/api/notifications/sms-receipts/other/" + TOKEN, body), 404);
        // A problem detail like every other refusal (its instance is the caller's own path, nothing more).
        assertThat(wrongToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wrongToken.body()).contains("\"status\":404", "短信回执接收地址");
        assertThat(row(id).status()).isEqualTo("SENT");
        assertThat(row(id).receipt()).isNull();
    }

    private record Receipted(String status, String detail, String receipt) {}

    /** An SMS delivery to a phone reporter that went out, as a provider took it under {@code receiptKey}. */
    private long sentSms(String receiptKey) throws Exception {
        var whistle = raise(phoneReporter());
        var filed = routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED);
        publish(filed);
        var sms = settledDeliveries(filed).stream()
                .filter(row -> row.channel().equals("SMS"))
                .findFirst()
                .orElseThrow();
        assertThat(sms.status()).isEqualTo("SENT");
        long id = jdbc.sql("SELECT id FROM delivery WHERE event_id = :event AND channel = 'SMS'")
                .param("event", filed.id())
                .query(Long.class)
                .single();
        // What a real provider's adapter records as it hands the text over (the local stack sends through the
        // development provider, which gets no receipts).
        jdbc.sql("UPDATE delivery SET receipt_key = :key WHERE id = :id")
                .param("key", receiptKey)
                .param("id", id)
                .update();
        return id;
    }

    private Receipted row(long id) {
        return jdbc.sql("SELECT status, detail, receipt FROM delivery WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Receipted(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
    }

    /** As the provider pushes it: no bearer token. */
    private HttpResponse<String> receipt(String path, String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri(path))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
