package org.whistle.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A clock of a ticket reached its warning ratio or expired. On expiry the ticket escalates one command level and a
 * supervision order (督办) goes to the late unit's leader; at city level the unit goes on the red list.
 *
 * @param ticketId absent when the clock ran out before the ticket was filed (sla-service has seen no ticket id yet);
 *     consumers then find the ticket by the whistle's id
 * @param clockId one clock instance; a warning and an escalation are published at most once per instance
 * @param toLevel the level it escalates to; absent for warnings and at city level
 */
public record WhistleEscalated(
        WhistleId whistleId,
        @Nullable TicketId ticketId,
        Kind kind,
        ClockKind clock,
        String clockId,
        @Nullable String unitId,
        CommandLevel fromLevel,
        @Nullable CommandLevel toLevel,
        boolean redList,
        Instant startedAt,
        Instant dueAt,
        Instant firedAt)
        implements WhistleEvent {

    /** Before or after the due time. */
    public enum Kind {
        WARNING,
        ESCALATION
    }
}
