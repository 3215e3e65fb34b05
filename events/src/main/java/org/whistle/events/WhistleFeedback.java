package org.whistle.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The reporter judged the result (回访); "not resolved" reopens the ticket (返工). {@code recordedBy} is set when a
 * command centre took the answer by phone and recorded it on the reporter's behalf (电话回访), and names who did; it is
 * absent when the reporter answered themselves. One answer counts per round of follow-up.
 */
public record WhistleFeedback(
        WhistleId whistleId,
        @Nullable TicketId ticketId,
        Rating rating,
        boolean resolved,
        @Nullable String comment,
        Instant at,
        @Nullable Actor recordedBy)
        implements WhistleEvent {

    /** The reporter's own answer. */
    public WhistleFeedback(
            WhistleId whistleId,
            @Nullable TicketId ticketId,
            Rating rating,
            boolean resolved,
            @Nullable String comment,
            Instant at) {
        this(whistleId, ticketId, rating, resolved, comment, at, null);
    }

    /** Whether a command centre recorded this answer, taken by phone, for the reporter. */
    public boolean byPhoneFollowUp() {
        return recordedBy != null;
    }
}
