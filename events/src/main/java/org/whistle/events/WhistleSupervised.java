package org.whistle.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A district or city command centre issued a supervision order (督办) or a reminder (催办) on a ticket by hand, with a
 * reason and a new deadline. Published by dispatch-service on the {@code whistle-routed} topic, so it stays in order
 * with the ticket's other routing facts; the ticket's level and owner do not change (a take-over is a {@code
 * whistle-routed} TRANSFERRED). Escalations' orders are sla-service's {@code whistle-escalated}, not this.
 *
 * @param orderNumber the order's number on the ticket (escalations', orders' and reminders' one sequence)
 * @param againstUnitId the unit ordered to act: the lead unit, or the owning centre while nobody leads
 * @param issuedBy the level of the centre that issued it (DISTRICT or CITY)
 * @param reason why, with phone numbers masked
 * @param dueBy the new deadline the unit is held to
 * @param timelineHead the ticket's timeline head after this change (ADR 0016)
 */
public record WhistleSupervised(
        WhistleId whistleId,
        TicketId ticketId,
        String ticketNumber,
        Kind kind,
        int orderNumber,
        String againstUnitId,
        CommandLevel level,
        String owningCentreId,
        CommandLevel issuedBy,
        String reason,
        Instant dueBy,
        Actor actor,
        Instant at,
        @Nullable TimelineHead timelineHead)
        implements WhistleEvent {

    /** 督办 (counted as a supervision order) or 催办 (a reminder, not counted). */
    public enum Kind {
        ORDER,
        REMINDER
    }
}
