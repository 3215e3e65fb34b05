package org.whistle.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The loop closed for a whistle (结案), or it was filtered out; every clock of the ticket stops.
 *
 * @param timelineHead the ticket's timeline head after this change (its sequence equals the envelope's revision), which
 *     anchors dispatch's hash chain outside its database (ADR 0016); absent from producers that predate it
 */
public record WhistleClosed(
        WhistleId whistleId,
        TicketId ticketId,
        Outcome outcome,
        @Nullable String reason,
        @Nullable TicketId mergedInto,
        Actor actor,
        Instant at,
        @Nullable TimelineHead timelineHead)
        implements WhistleEvent {

    /** Without the timeline head, as published before it was added. */
    public WhistleClosed(
            WhistleId whistleId,
            TicketId ticketId,
            Outcome outcome,
            @Nullable String reason,
            @Nullable TicketId mergedInto,
            Actor actor,
            Instant at) {
        this(whistleId, ticketId, outcome, reason, mergedInto, actor, at, null);
    }

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
