package org.whistle.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A community task or micro-wish was published in a grid. When it was made from a small whistle ({@code whistleId},
 * {@code ticketId}), the whistle's ticket records that the community handles it.
 *
 * @param kind WISH, GRID_TASK, EVENT or WHISTLE; a string so new kinds need no new version
 * @param handlingUnit for a task made from a whistle, the handling unit answering for the compound (the publisher's
 *     own, else the compound's owners' committee or the community's residents' committee), which dispatch summons as
 *     the lead
 */
public record CommunityTaskPublished(
        UUID taskId,
        String kind,
        String title,
        String compoundId,
        String gridId,
        int points,
        int places,
        Instant startsAt,
        Instant endsAt,
        @Nullable WhistleId whistleId,
        @Nullable TicketId ticketId,
        @Nullable String handlingUnit,
        Actor publisher,
        Instant at)
        implements MembersEvent {

    @Override
    public String key() {
        return taskId.toString();
    }
}
