package org.whistle.notification.delivery;

import java.util.List;

/**
 * Live pages' channel (SSE, ADR 0056): what planning decides for it is handed over once the planning transaction has
 * committed, and written to no log. A live update only nudges a page that is open to read again what it shows, so it is
 * best effort by design: a page that is not connected at that moment misses it and reads its state afresh when it
 * (re)connects; the messages people must be able to find again (inbox, SMS, WeChat, webhooks) stay in the delivery log.
 */
public interface LiveUpdates {

    /**
     * Pushes one committed transaction's live deliveries, in order, to the streams open on this replica; returns at
     * once. The deliveries have no id (0): no log holds them.
     */
    void push(List<Delivery> deliveries);
}
