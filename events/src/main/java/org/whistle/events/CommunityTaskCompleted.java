package org.whistle.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Every claim on a community task is settled and at least one member's work was approved by the publisher or the
 * branch secretary. A task made from a whistle answers it: dispatch resolves and closes the ticket.
 *
 * @param hours the hours the approved members served together
 * @param evidence the approved members' evidence photos, kept by members-service ({@code members-photo:<id>})
 * @param handlingUnit for a task made from a whistle, the unit the task was taken on for (the one dispatch summoned on
 *     community-task-published), which reports done whoever leads the ticket now; absent in events from before it was
 *     added (dispatch then uses the ticket's current lead)
 */
public record CommunityTaskCompleted(
        UUID taskId,
        String title,
        String compoundId,
        String gridId,
        int membersApproved,
        double hours,
        @Nullable WhistleId whistleId,
        @Nullable TicketId ticketId,
        java.util.List<EvidenceRef> evidence,
        Actor approver,
        Instant at,
        @Nullable String handlingUnit)
        implements MembersEvent {

    @Override
    public String key() {
        return taskId.toString();
    }
}
