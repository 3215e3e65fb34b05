package org.whistle.notification.delivery;

import java.util.List;
import org.whistle.notification.delivery.domain.Recipient;
import org.whistle.notification.rules.domain.ChannelKind;

/**
 * A way to tell a recipient. The sender wraps every {@link #send} in the channel's own retry, time limit and rate
 * limit, so an implementation makes exactly one attempt.
 */
public interface Channel {

    ChannelKind kind();

    /**
     * The targets one delivery per event and recipient fans out to on this channel: the recipient's matching webhook
     * subscriptions; one unnamed target for other channels.
     */
    default List<String> targets(Recipient recipient, String eventType) {
        return List.of("");
    }

    /**
     * One attempt.
     *
     * @return what to record of the success (e.g. {@code HTTP 200}, {@code 2 listeners})
     * @throws Undeliverable when no retry can help
     * @throws Exception when another attempt may succeed
     */
    String send(Delivery delivery) throws Exception;

    /** Called once a delivery's outcome is final, after its retries. */
    default void settled(Delivery delivery, boolean delivered, String detail) {}
}
