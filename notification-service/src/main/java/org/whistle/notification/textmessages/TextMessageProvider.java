package org.whistle.notification.textmessages;

import org.jspecify.annotations.Nullable;
import org.whistle.notification.delivery.Delivery;

/** A provider adapter: sends one template message to an address (a phone number or a WeChat open id). */
interface TextMessageProvider {

    /**
     * A message the provider took.
     *
     * @param detail what the delivery log records of the success
     * @param receiptKey the provider's id for the message ({@code aliyun:<BizId>}, {@code tencent:<SerialNo>}) that its
     *     delivery receipt will name; null where the provider sends no receipts
     */
    record Sent(String detail, @Nullable String receiptKey) {}

    /** Whether this provider needs the real contact from intake; the development provider does not. */
    boolean needsContact();

    /**
     * @param text the delivery's text with the reporter's tracking code filled in: for the reporter's phone only,
     *     never for logs or anything kept ({@code delivery.body()} holds the placeholder)
     * @return what to record of the success
     */
    Sent send(Delivery delivery, String address, String text) throws Exception;
}
