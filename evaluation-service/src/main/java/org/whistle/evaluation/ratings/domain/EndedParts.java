package org.whistle.evaluation.ratings.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.whistle.evaluation.cases.domain.CaseRecord;
import org.whistle.events.UnitRated.PartEnded;

/**
 * Which summoned units' parts in a case have ended, and how: done or declined as the unit reported it, or withdrawn
 * when a routing of the ticket after the unit's summons no longer lists it (dispatch's 撤回 publishes the summons as
 * they now are). A part is rated once it ended and the case names the centre that owns it.
 *
 * <p>Withdrawals are read from every routing of the case known so far, not from the event at hand, so a withdrawal
 * that arrives before the summons it undoes is found when the summons arrives (order-tolerant).
 */
public final class EndedParts {

    private EndedParts() {}

    /**
     * One routing of the case: when, the centre owning the case after it, and the units it lists (every routing lists
     * all of the ticket's current tasks).
     */
    public record Routing(Instant at, @Nullable String centreId, Set<String> units) {
        public Routing {
            units = Set.copyOf(units);
        }
    }

    /** @param routings every routing of the case known so far, in any order */
    public static List<Part> of(CaseRecord c, List<Routing> routings) {
        var centre = c.owningCentreId();
        if (centre == null) {
            return List.of();
        }
        var inTime = routings.stream().sorted(Comparator.comparing(Routing::at)).toList();
        var ended = new ArrayList<Part>();
        for (var u : c.units()) {
            PartEnded how = null;
            Instant at = null;
            String rater = centre;
            if (u.doneAt() != null) {
                how = PartEnded.DONE;
                at = u.doneAt();
            } else if (u.declinedAt() != null) {
                how = PartEnded.DECLINED;
                at = u.declinedAt();
            } else {
                var withdrawal = withdrawal(inTime, u.unitId(), u.summonedAt());
                if (withdrawal.isPresent()) {
                    how = PartEnded.WITHDRAWN;
                    at = withdrawal.get().at();
                    // a unit withdrawn by a transfer is rated by the centre that summoned it, not the one that took
                    // the case over
                    rater = centreBefore(inTime, at).orElse(centre);
                }
            }
            if (how != null) {
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

    /** The first routing after the unit's summons that no longer lists it. */
    private static Optional<Routing> withdrawal(List<Routing> inTime, String unitId, Instant summonedAt) {
        return inTime.stream()
                .filter(r -> r.at().isAfter(summonedAt) && !r.units().contains(unitId))
                .findFirst();
    }

    /** The centre that owned the case just before a routing. */
    private static Optional<String> centreBefore(List<Routing> inTime, Instant at) {
        String centre = null;
        for (var r : inTime) {
            if (!r.at().isBefore(at)) {
                break;
            }
            if (r.centreId() != null) {
                centre = r.centreId();
            }
        }
        return Optional.ofNullable(centre);
    }
}
