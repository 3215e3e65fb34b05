package org.whistle.events;

/**
 * Where a ticket's hash-chained timeline stood when dispatch published an event about it: the sequence of the latest
 * entry and that entry's hash (format {@code whistle-timeline/1}, ADR 0009). Published outside dispatch's database,
 * it anchors the chain: a timeline rewritten and re-hashed in the database no longer ends in the hash the bus saw
 * (ADR 0016).
 *
 * @param hash lowercase hex SHA-256, 64 digits
 */
public record TimelineHead(long sequence, String hash) {

    public TimelineHead {
        if (sequence < 1) {
            throw new IllegalArgumentException("a timeline head has sequence 1 or more: " + sequence);
        }
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a timeline head's hash is 64 lowercase hex digits");
        }
    }
}
