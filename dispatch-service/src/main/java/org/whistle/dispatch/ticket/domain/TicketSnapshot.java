package org.whistle.dispatch.ticket.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CommandLevel;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed.Outcome;
import org.whistle.events.WhistleId;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.routing.UnitCode;

/**
 * A ticket's stored state apart from its timeline, as persistence reads it back; {@link Ticket#restore} rebuilds the
 * aggregate from it after checking the timeline against {@link #revision()}.
 */
public record TicketSnapshot(
        TicketId id,
        WhistleId whistleId,
        TicketNumber number,
        CategoryCode category,
        Urgency priority,
        CommandLevel level,
        UnitCode owningCentre,
        TicketState state,
        @Nullable TicketState suspendedFrom,
        @Nullable String suspendReason,
        List<TaskSnapshot> tasks,
        long revision,
        List<SupervisionOrder> supervisionOrders,
        Set<UnitCode> redListed,
        List<LevelAssignment> levelHistory,
        int reopenCount,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt,
        @Nullable Outcome outcome,
        @Nullable TicketId mergedInto,
        @Nullable String rejectReason) {

    /**
     * One task as stored, its extension requests in the order they were made; {@code settledAt} when the ticket closed
     * while the unit was still summoned (待报到).
     */
    public record TaskSnapshot(
            UnitCode unit,
            boolean lead,
            Instant summonedAt,
            TaskState state,
            @Nullable Instant reportedInAt,
            @Nullable Instant doneAt,
            @Nullable String declineReason,
            int reworkCount,
            List<ExtensionRequest> extensions,
            @Nullable Instant settledAt) {}
}
