package org.whistle.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The loop closed for a whistle (结案), or it was filtered out; every clock of the ticket stops. */
public record WhistleClosed(
        WhistleId whistleId,
        TicketId ticketId,
        Outcome outcome,
        @Nullable String reason,
        @Nullable TicketId mergedInto,
        Actor actor,
        Instant at)
        implements WhistleEvent {

    /** How the ticket ended. */
    public enum Outcome {
        /** Verified and followed up. */
        RESOLVED,
        /** Verified, but the reporter did not answer the follow-up in time. */
        NO_ANSWER,
        /** Filtered out as invalid. */
        REJECTED,
        /** A duplicate; its reporter follows {@code mergedInto}. */
        MERGED
    }
}
