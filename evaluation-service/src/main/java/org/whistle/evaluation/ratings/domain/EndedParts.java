package org.whistle.evaluation.ratings.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.whistle.evaluation.cases.domain.CaseRecord;
import org.whistle.events.UnitRated.PartEnded;

/**
 * Which summoned units' parts in a case have ended, and how: done or declined as the unit reported it, or withdrawn
 * when a routing of the ticket no longer lists a unit summoned before it (dispatch's 撤回 publishes the summons as they
 * now are). A part is rated once it ended and the case names the centre that owns it.
 */
public final class EndedParts {

    private EndedParts() {}

    /**
     * @param centreBefore the owning centre before the event: a unit withdrawn by a transfer is rated by the centre
     *     that summoned it, not by the one that took the case over
     * @param routedAt when the event that told of the case's change was a routing, when it happened
     * @param routedUnits the units that routing lists (every routing lists all of the ticket's current tasks)
     */
    public static List<Part> of(
            CaseRecord c, @Nullable String centreBefore, @Nullable Instant routedAt, Set<String> routedUnits) {
        var centre = c.owningCentreId();
        if (centre == null) {
            return List.of();
        }
        var ended = new ArrayList<Part>();
        for (var u : c.units()) {
            PartEnded how = null;
            Instant at = null;
            if (u.doneAt() != null) {
                how = PartEnded.DONE;
                at = u.doneAt();
            } else if (u.declinedAt() != null) {
                how = PartEnded.DECLINED;
                at = u.declinedAt();
            } else if (routedAt != null && u.summonedAt().isBefore(routedAt) && !routedUnits.contains(u.unitId())) {
                how = PartEnded.WITHDRAWN;
                at = routedAt;
            }
            if (how != null) {
                var rater = how == PartEnded.WITHDRAWN && centreBefore != null ? centreBefore : centre;
                ended.add(new Part(
                        c.whistleId(),
                        c.ticketId(),
                        c.ticketNumber(),
                        u.unitId(),
                        rater,
                        how,
                        at,
                        u.summonedAt(),
                        u.reportedInAt(),
                        u.reportInLate(),
                        u.onSiteAt()));
            }
        }
        return ended;
    }
}
