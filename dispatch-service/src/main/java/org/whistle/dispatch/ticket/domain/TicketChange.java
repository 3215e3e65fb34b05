package org.whistle.dispatch.ticket.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.whistle.events.Actor;
import org.whistle.events.CommandLevel;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleId;
import org.whistle.orgreference.domain.routing.UnitCode;

/**
 * The facts every ticket event carries: which ticket, its revision after the change (one per change, equal to the
 * change's timeline sequence), the state before and after, the level and owner after, who and when.
 *
 * @param before absent only for the ticket's first change (raise)
 */
public record TicketChange(
        TicketId ticketId,
        WhistleId whistleId,
        long revision,
        @Nullable TicketState before,
        TicketState after,
        CommandLevel level,
        UnitCode owningCentre,
        Actor actor,
        Instant at) {}
