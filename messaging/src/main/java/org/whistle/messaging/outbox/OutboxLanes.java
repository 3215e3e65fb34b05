package org.whistle.messaging.outbox;

/**
 * Spreads keys over a fixed number of lanes. One relay at a time publishes a lane (a PostgreSQL advisory lock per
 * lane), so several replicas share the work while each key's events leave in commit order.
 *
 * <p>The lane is stored with each row; change the count only when the outbox has no backlog, or a key's pending
 * events could sit in two lanes.
 */
public record OutboxLanes(int count) {

    public OutboxLanes {
        if (count < 1 || count > Short.MAX_VALUE) {
            throw new IllegalArgumentException("lanes must be between 1 and " + Short.MAX_VALUE + ": " + count);
        }
    }

    /** String.hashCode is specified by the JLS, so every replica and every JVM version agree on the lane. */
    public int laneOf(String key) {
        return Math.floorMod(key.hashCode(), count);
    }
}
