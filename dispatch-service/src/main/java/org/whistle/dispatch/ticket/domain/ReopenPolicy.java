package org.whistle.dispatch.ticket.domain;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.whistle.events.TicketState;
import org.whistle.texts.Phrase;

/**
 * When a "not fixed" answer may reopen a ticket (返工): always while it is RESOLVED or VERIFIED, and within
 * {@code window} after it was CLOSED; later, a new whistle is the way.
 */
public record ReopenPolicy(Duration window) {

    public ReopenPolicy {
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative");
        }
    }

    public static ReopenPolicy withinDays(int days) {
        return new ReopenPolicy(Duration.ofDays(days));
    }

    public Decision check(TicketState state, @Nullable Instant closedAt, Instant at) {
        return switch (state) {
            case RESOLVED, VERIFIED -> Decision.ALLOWED;
            case CLOSED ->
                closedAt != null && !at.isAfter(closedAt.plus(window))
                        ? Decision.ALLOWED
                        : Decision.rejected("at", Phrase.of("dispatch.refusal.reopen.window", "window", window));
            default -> Decision.rejected("state", Phrase.of("dispatch.refusal.reopen.state"));
        };
    }
}
