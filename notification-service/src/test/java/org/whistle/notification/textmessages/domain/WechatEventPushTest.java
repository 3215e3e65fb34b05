package org.whistle.notification.textmessages.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WechatEventPushTest {

    @Test
    void checksWechatsSignatureOverTheSortedTokenTimestampAndNonce() {
        // sha1("1796656200" + "nonce123" + "whistle-event-token"), computed apart from this code (sha1sum).
        var signature = "77600fa9540de3ca669cab5e5453ddeb014fb198";

        assertThat(WechatEventPush.signed("whistle-event-token", "1796656200", "nonce123", signature))
                .isTrue();
        assertThat(WechatEventPush.signed("another-token", "1796656200", "nonce123", signature))
                .isFalse();
        assertThat(WechatEventPush.signed("whistle-event-token", "1796656201", "nonce123", signature))
                .isFalse();
    }

    @Test
    void readsATemplateMessagesOutcome() {
        var delivered = push("""
                <xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2TjuEGTNoeX76QEjQNrcURxG8]]></FromUserName>
                <CreateTime>1395658920</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event>
                <MsgID>200163836</MsgID><Status><![CDATA[success]]></Status></xml>
                """);
        assertThat(WechatEventPush.outcomes(delivered))
                .containsExactly(new WechatEventPush.Outcome("200163836", true, null));

        var blocked = push("""
                <xml><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event>
                <MsgID>200163840</MsgID><Status><![CDATA[failed:user block]]></Status></xml>
                """);
        assertThat(WechatEventPush.outcomes(blocked))
                .containsExactly(new WechatEventPush.Outcome("200163840", false, "failed:user block"));
    }

    @Test
    void readsEverySubscriptionMessagesOutcome() {
        var pushed = push("""
                <xml><ToUserName><![CDATA[gh_123456789abc]]></ToUserName><FromUserName><![CDATA[otFpruAK8D-E6EfStSYonYSBZ8_4]]></FromUserName>
                <CreateTime>1610969440</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe_msg_sent_event]]></Event>
                <SubscribeMsgSentEvent>
                  <List><TemplateId><![CDATA[VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc]]></TemplateId><MsgID>1700827132819554304</MsgID>
                    <ErrorCode>0</ErrorCode><ErrorStatus><![CDATA[success]]></ErrorStatus></List>
                  <List><TemplateId><![CDATA[VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc]]></TemplateId><MsgID>1700827132819554305</MsgID>
                    <ErrorCode>10005</ErrorCode><ErrorStatus><![CDATA[fail]]></ErrorStatus></List>
                </SubscribeMsgSentEvent></xml>
                """);
        assertThat(WechatEventPush.outcomes(pushed))
                .containsExactly(
                        new WechatEventPush.Outcome("1700827132819554304", true, null),
                        new WechatEventPush.Outcome("1700827132819554305", false, "fail（10005）"));
    }

    @Test
    void readsNothingFromOtherEventsNorFromADocumentType() {
        assertThat(WechatEventPush.outcomes(
                        push("<xml><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>")))
                .isEmpty();
        assertThat(WechatEventPush.outcomes(push("""
                        <?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                        <xml><Event>TEMPLATESENDJOBFINISH</Event><MsgID>1</MsgID><Status>&x;</Status></xml>
                        """))).isEmpty();
        assertThat(WechatEventPush.outcomes(push("not xml"))).isEmpty();
    }

    private static byte[] push(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
