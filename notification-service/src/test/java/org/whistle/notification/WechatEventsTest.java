package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleRouted;

/**
 * WeChat's pushes about the messages we sent update the delivery log: delivered, or failed with WeChat's words; the
 * first outcome stands; only a push signed with the account's event token, at about the present time, gets in.
 */
class WechatEventsTest extends NotificationServiceTest {

    private static final String TOKEN = "test-wechat-event-token";
    private static final String PATH = "/api/notifications/wechat-events";

    @Test
    void aTemplateMessagesOutcomeMarksTheMessageDeliveredOnce() throws Exception {
        long id = sentWechat("wechat:200163836");

        var answer = push(signed(now().getEpochSecond(), TOKEN), finished("200163836", "success"));
        assertStatus(answer, 200);
        assertThat(answer.body()).isEqualTo("success");
        assertThat(row(id)).satisfies(row -> {
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.receipt()).isEqualTo("DELIVERED");
            assertThat(row.detail()).startsWith("微信消息已送达（").doesNotContain("UTC");
        });

        // WeChat pushes again when unsure we took it: the first outcome stands.
        assertStatus(push(signed(now().getEpochSecond(), TOKEN), finished("200163836", "failed:user block")), 200);
        assertThat(row(id).receipt()).isEqualTo("DELIVERED");
    }

    @Test
    void aBlockedMessageFailsTheDeliveryWithWechatsWords() throws Exception {
        long id = sentWechat("wechat:200163840");

        assertStatus(push(signed(now().getEpochSecond(), TOKEN), finished("200163840", "failed:user block")), 200);

        assertThat(row(id)).satisfies(row -> {
            assertThat(row.status()).isEqualTo("FAILED");
            assertThat(row.receipt()).isEqualTo("FAILED");
            assertThat(row.detail()).startsWith("微信消息未送达（").endsWith("：failed:user block");
        });
    }

    @Test
    void anUnsignedStaleOrForeignPushFindsNothing() throws Exception {
        long id = sentWechat("wechat:200163850");
        var body = finished("200163850", "failed: system failed");

        assertStatus(push("", body), 404);
        assertStatus(push(signed(now().getEpochSecond(), "another-accounts-token"), body), 404);
        assertStatus(push(signed(now().getEpochSecond() - 3600, TOKEN), body), 404);
        assertThat(row(id).receipt()).isNull();
        assertThat(row(id).status()).isEqualTo("SENT");
    }

    @Test
    void answersWechatsAddressCheckOnlyWhenSigned() throws Exception {
        var http = HttpClient.newHttpClient();
        var signed = http.send(
                HttpRequest.newBuilder(uri(PATH + "?" + signed(now().getEpochSecond(), TOKEN) + "&echostr=5837397749"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertStatus(signed, 200);
        assertThat(signed.body()).isEqualTo("5837397749");

        var unsigned = http.send(
                HttpRequest.newBuilder(uri(PATH + "?signature=x&timestamp=1&nonce=1&echostr=5837397749"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertStatus(unsigned, 404);
        assertThat(unsigned.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unsigned.body()).contains("\"status\":404", "微信消息推送接收地址");
    }

    private static String finished(String msgId, String status) {
        return """
                <xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oOPENID]]></FromUserName>
                <CreateTime>1395658920</CreateTime><MsgType><![CDATA[event]]></MsgType>
                <Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>%s</MsgID><Status><![CDATA[%s]]></Status></xml>
                """.formatted(msgId, status);
    }

    /** The query WeChat adds to a push: its signature over the token, the timestamp and a nonce. */
    private static String signed(long timestamp, String token) throws Exception {
        var nonce = "1514711492";
        var joined = String.join(
                "", Stream.of(token, Long.toString(timestamp), nonce).sorted().toList());
        var signature = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-1").digest(joined.getBytes(StandardCharsets.UTF_8)));
        return "signature=" + signature + "&timestamp=" + timestamp + "&nonce="
                + URLEncoder.encode(nonce, StandardCharsets.UTF_8) + "&openid=oOPENID";
    }

    private record Receipted(String status, String detail, String receipt) {}

    /** A delivery that went out, as the WeChat adapter records it when WeChat's answer gave {@code msgid}. */
    private long sentWechat(String receiptKey) throws Exception {
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
        // The test stack sends through the development provider, which gets no outcomes: the row is given the key
        // WechatMessageProvider records (WechatMessageProviderTest shows it does).
        jdbc.sql("UPDATE delivery SET receipt_key = :key, channel = 'WECHAT' WHERE id = :id")
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

    /** As WeChat pushes it: no bearer token, XML. */
    private HttpResponse<String> push(String query, String xml) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri(PATH + "?" + query))
                                .header("Content-Type", "text/xml")
                                .POST(HttpRequest.BodyPublishers.ofString(xml))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
