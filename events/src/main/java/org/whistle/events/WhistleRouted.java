package org.whistle.events;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The command platform moved a ticket: filed, summoned units, transferred, extended, suspended, verified, reopened
 * or raised its level. Carries the ticket's state after the action, so a consumer needs no other event to know it.
 *
 * <p>Version 2 (ADR 0023) dropped v1's {@code deadlines}, which nobody read (sla-service times clocks from its own
 * copy of the deadline policies), and names the ticket's urgency {@code urgency}, as every other event does; v1
 * documents, which call it {@code priority}, are read into this record.
 *
 * @param urgency how urgent the ticket is (紧急/一般), which picks the deadline policy; v1 documents call it
 *     {@code priority}
 * @param timelineHead the ticket's timeline head after this change (its sequence equals the envelope's revision), which
 *     anchors dispatch's hash chain outside its database (ADR 0016); absent from producers that predate it
 */
public record WhistleRouted(
        WhistleId whistleId,
        TicketId ticketId,
        String ticketNumber,
        Action action,
        TicketState state,
        CommandLevel level,
        String owningCentreId,
        String categoryCode,
        @JsonAlias("priority") Urgency urgency,
        List<Summons> summons,
        @Nullable Extension extension,
        @Nullable String reason,
        Actor actor,
        Instant at,
        @Nullable TimelineHead timelineHead)
        implements WhistleEvent {

    /** Without the timeline head, as v1 producers published before it was added. */
    public WhistleRouted(
            WhistleId whistleId,
            TicketId ticketId,
            String ticketNumber,
            Action action,
            TicketState state,
            CommandLevel level,
            String owningCentreId,
            String categoryCode,
            Urgency urgency,
            List<Summons> summons,
            @Nullable Extension extension,
            @Nullable String reason,
            Actor actor,
            Instant at) {
        this(
                whistleId,
                ticketId,
                ticketNumber,
                action,
                state,
                level,
                owningCentreId,
                categoryCode,
                urgency,
                summons,
                extension,
                reason,
                actor,
                at,
                null);
    }

    /** What the command platform did. */
    public enum Action {
        /** 受理/立案. */
        FILED,
        /** 派哨: units summoned (also when more units are added later). */
        SUMMONED,
        /** 转交: moved to another centre or level. */
        TRANSFERRED,
        /** 退回: back to the command level after every summoned unit declined. */
        RETURNED,
        /** 延期 approved: a clock's due time moves by {@link Extension#extraTime()}. */
        EXTENDED,
        /** 挂账: clocks pause. */
        SUSPENDED,
        /** Back from suspension: clocks resume. */
        RESUMED,
        /** 核查 passed. */
        VERIFIED,
        /** 返工: verification failed or the reporter said "not fixed". */
        REOPENED,
        /** Escalation accepted: the ticket is now owned one level up. */
        LEVEL_RAISED
    }

    /** A unit summoned to the ticket; one is the lead (首接负责) and answers for the whole. */
    public record Summons(String unitId, boolean lead, TaskState state) {}

    /** Approved extra time on one clock, for one unit or (unitId absent) for the ticket. */
    public record Extension(ClockKind clock, @Nullable String unitId, Duration extraTime) {}
}
