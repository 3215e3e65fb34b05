package org.whistle.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member's report-in (报到) to a compound was confirmed by its branch: a participation figure (members reported, per
 * compound and per workplace organisation) for the secretary appraisal.
 *
 * @param kind IN_SERVICE, COMMUNITY or VOLUNTEER
 * @param workplaceId the workplace party organisation of an in-service member
 */
public record MemberReported(
        UUID memberId,
        String kind,
        String compoundId,
        String gridId,
        @Nullable String workplaceId,
        Instant at) implements MembersEvent {

    @Override
    public String key() {
        return memberId.toString();
    }
}
