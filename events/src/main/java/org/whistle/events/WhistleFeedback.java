package org.whistle.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The reporter judged the result (回访); "not resolved" reopens the ticket (返工). */
public record WhistleFeedback(
        WhistleId whistleId,
        @Nullable TicketId ticketId,
        Rating rating,
        boolean resolved,
        @Nullable String comment,
        Instant at)
        implements WhistleEvent {}
