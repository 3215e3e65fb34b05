package org.whistle.notification.textmessages;

import org.whistle.notification.delivery.Delivery;

/** A provider adapter: sends one template message to an address (a phone number or a WeChat open id). */
interface TextMessageProvider {

    /** Whether this provider needs the real contact from intake; the development provider does not. */
    boolean needsContact();

    /** @return what to record of the success */
    String send(Delivery delivery, String address) throws Exception;
}
