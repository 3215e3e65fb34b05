package org.whistle.notification.textmessages;

import org.whistle.notification.delivery.Delivery;

/** A provider adapter: sends one template message to an address (a phone number or a WeChat open id). */
interface TextMessageProvider {

    /** Whether this provider needs the real contact from intake; the development provider does not. */
    boolean needsContact();

    /**
     * @param text the delivery's text with the reporter's tracking code filled in: for the reporter's phone only,
     *     never for logs or anything kept ({@code delivery.body()} holds the placeholder)
     * @return what to record of the success
     */
    String send(Delivery delivery, String address, String text) throws Exception;
}
