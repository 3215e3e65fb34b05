package org.whistle.dispatch.ticket.domain;

import java.util.List;
import org.whistle.events.TicketId;

/**
 * Checks a ticket's timeline as loaded from anywhere: sequences run 1, 2, 3 … without gaps, each entry names the
 * previous entry's hash (genesis: 64 zeros), and each entry's hash matches its fields. Reports the first position
 * where that fails, as the sequence number expected there, so a deleted, reordered or altered entry is pinned down.
 * A truncated tail is only visible against an anchor: pass the ticket's revision as {@code expectedLength}.
 */
public final class TimelineVerifier {

    private TimelineVerifier() {}

    /** The outcome of a verification. */
    public sealed interface Result {
        /** Every entry is in place and unaltered. */
        record Intact(int length) implements Result {}

        /** The chain breaks at {@code sequence}, for {@code reason}. */
        record Broken(long sequence, String reason) implements Result {}
    }

    public static Result verify(TicketId ticket, List<TimelineEntry> entries) {
        var previousHash = TimelineEntry.GENESIS;
        for (int i = 0; i < entries.size(); i++) {
            long expected = i + 1L;
            var entry = entries.get(i);
            if (entry.sequence() != expected) {
                return new Result.Broken(
                        expected, "found sequence " + entry.sequence() + " where " + expected + " belongs");
            }
            if (!entry.previousHash().equals(previousHash)) {
                return new Result.Broken(expected, "does not follow the hash of the entry before it");
            }
            if (!entry.computeHash(ticket).equals(entry.hash())) {
                return new Result.Broken(expected, "its fields do not match its hash");
            }
            previousHash = entry.hash();
        }
        return new Result.Intact(entries.size());
    }

    public static Result verify(TicketId ticket, List<TimelineEntry> entries, long expectedLength) {
        var result = verify(ticket, entries);
        if (result instanceof Result.Intact && entries.size() != expectedLength) {
            return new Result.Broken(
                    Math.min(entries.size(), expectedLength) + 1,
                    "expected " + expectedLength + " entries, found " + entries.size());
        }
        return result;
    }
}
