package org.whistle.sla.clocks;

import org.whistle.sla.clocks.domain.Timer;

/**
 * Keys of the due-time index: the epoch millisecond zero-padded to 19 digits, a bar, and the clock instance id. The
 * store orders keys by their bytes, so a range from the first key up to now yields exactly the due entries, earliest
 * first, without looking at any clock that is not due.
 */
final class DueKey {

    static final String FIRST = format(0, "");

    private DueKey() {}

    static String of(Timer timer) {
        return format(timer.atEpochMillis(), timer.id());
    }

    /** The inclusive upper bound of everything due at {@code nowMillis}: no real key equals it. */
    static String upTo(long nowMillis) {
        return String.format("%019d", nowMillis + 1);
    }

    private static String format(long epochMillis, String id) {
        return String.format("%019d|%s", epochMillis, id);
    }
}
