package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleRouted;

/**
 * A reporter who raised their whistle through WeChat, signed in there, is told its progress through WeChat as well
 * (ADR 0046); phone reporters and reporters of other channels are told as before.
 */
class WechatReportersTest extends NotificationServiceTest {

    @Test
    void tellsAResidentSignedInThroughWechatOnTheirWechatAndInTheirInbox() {
        var whistle = raise(userReporter("wx.resident-filed"), "WECHAT");
        var filed = routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED);
        publish(filed);

        assertThat(settledDeliveries(filed))
                .extracting(Row::recipient, Row::channel, Row::status)
                .contains(
                        tuple("user:wx.resident-filed", "INBOX", "SENT"),
                        tuple("wechat:" + whistle.id(), "WECHAT", "SENT"))
                .doesNotContain(tuple("wechat:" + whistle.id(), "SMS", "SENT"));
        assertThat(settledDeliveries(filed))
                .filteredOn(row -> row.channel().equals("WECHAT"))
                .singleElement()
                .satisfies(row -> assertThat(row.body()).contains("您反映的问题"));
    }

    @Test
    void tellsNobodyOnWechatWhoDidNotRaiseTheWhistleThere() {
        var web = raise(userReporter("resident-web"), "WEB");
        var phone = raise(phoneReporter(), "WECHAT");
        var webFiled = routed(web, WhistleRouted.Action.FILED, TicketState.FILED);
        var phoneFiled = routed(phone, WhistleRouted.Action.FILED, TicketState.FILED);
        publish(webFiled);
        publish(phoneFiled);

        assertThat(settledDeliveries(webFiled)).extracting(Row::channel).doesNotContain("WECHAT");
        assertThat(settledDeliveries(phoneFiled))
                .extracting(Row::recipient, Row::channel)
                .contains(tuple("reporter:" + phone.id(), "SMS"))
                .doesNotContain(tuple("reporter:" + phone.id(), "WECHAT"));
    }
}
