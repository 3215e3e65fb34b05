package org.whistle.events;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UUIDv7 (RFC 9562) ids: time-ordered, so event and whistle ids sort by creation and index well in B-trees.
 *
 * <p>Within one millisecond a 12-bit counter in {@code rand_a} keeps ids from one process strictly increasing (RFC
 * 9562 §6.2, method 1); when it overflows the timestamp is advanced by a millisecond rather than repeating.
 */
public final class EventIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong LAST = new AtomicLong();

    private EventIds() {}

    public static UUID next() {
        return next(System.currentTimeMillis());
    }

    static UUID next(long epochMillis) {
        // LAST holds (millis << 12 | counter); a CAS loop keeps ids monotonic across threads.
        long state;
        long updated;
        do {
            state = LAST.get();
            long candidate = epochMillis << 12;
            updated = candidate > state ? candidate : state + 1;
        } while (!LAST.compareAndSet(state, updated));
        long millis = updated >>> 12;
        long counter = updated & 0xFFF;
        long msb = (millis << 16) | 0x7000L | counter;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The creation time in milliseconds since the epoch that a UUIDv7 carries. */
    public static long timestampOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a UUIDv7: " + id);
        }
        return id.getMostSignificantBits() >>> 16;
    }
}
