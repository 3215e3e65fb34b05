package org.whistle.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member's work on a task was approved: a participation figure (tasks done, hours served, points granted) per
 * member, compound and workplace organisation, for the secretary appraisal.
 */
public record MemberTaskDone(
        UUID memberId,
        UUID taskId,
        String kind,
        String compoundId,
        String gridId,
        @Nullable String workplaceId,
        double hours,
        int points,
        Instant at)
        implements MembersEvent {

    @Override
    public String key() {
        return memberId.toString();
    }
}
