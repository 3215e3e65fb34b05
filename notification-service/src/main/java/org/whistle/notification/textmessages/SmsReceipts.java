package org.whistle.notification.textmessages;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.security.personaldata.PersonalData;

/**
 * Delivery receipts in the delivery log: a sent SMS or WeChat message keeps the provider's id for it, and the provider's receipt marks it
 * delivered, or failed with the provider's reason (the delivery becomes FAILED). The first receipt for a message
 * counts; a repeated one (providers push again when unsure we took it) changes nothing.
 */
@Component
public class SmsReceipts {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final JdbcClient jdbc;
    private final Clock clock;

    SmsReceipts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The provider took the delivery's message under this id; its receipt will name it. */
    void expect(long deliveryId, String receiptKey) {
        jdbc.sql("UPDATE delivery SET receipt_key = :key WHERE id = :id")
                .param("key", receiptKey)
                .param("id", deliveryId)
                .update();
    }

    /**
     * Records one receipt.
     *
     * @param reason the provider's words for a failure (masked and cut to size); ignored for a delivered one
     * @return whether it changed the log: false for an unknown message or a repeated receipt
     */
    public boolean received(String receiptKey, boolean delivered, @Nullable String reason) {
        var now = clock.instant();
        var at = SHOWN.format(now.atZone(SHANGHAI));
        // The key names the provider that took the message: WeChat's receipts are WeChat's, the rest texts'.
        var what = receiptKey.startsWith("wechat:") ? "微信消息" : "短信";
        var shownReason = reason == null || reason.isBlank()
                ? (what.equals("短信") ? "短信平台" : "微信") + "未说明原因"
                : PersonalData.phonesIn(reason.strip());
        if (shownReason.length() > 200) {
            shownReason = shownReason.substring(0, 200);
        }
        var detail = delivered ? what + "已送达（" + at + "）" : what + "未送达（" + at + "）：" + shownReason;
        return jdbc.sql("""
                                UPDATE delivery SET receipt = :receipt, receipt_detail = :detail, receipt_at = :at,
                                    detail = :detail,
                                    status = CASE WHEN :failed AND status = 'SENT' THEN 'FAILED' ELSE status END
                                WHERE receipt_key = :key AND receipt IS NULL
                                """)
                        .param("receipt", delivered ? "DELIVERED" : "FAILED")
                        .param("detail", detail)
                        .param("at", Timestamp.from(now))
                        .param("failed", !delivered)
                        .param("key", receiptKey)
                        .update()
                == 1;
    }
}
