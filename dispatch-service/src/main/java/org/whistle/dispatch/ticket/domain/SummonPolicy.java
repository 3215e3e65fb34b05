package org.whistle.dispatch.ticket.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.texts.Phrase;

/**
 * Who may be summoned (派哨): at least one unit, none twice in one summons, none that already holds a task on the
 * ticket (a unit that declined may be summoned again), and exactly one lead (首接负责) — named, and among the units,
 * when the ticket has no lead holding its task; not named when it has one.
 */
public final class SummonPolicy {

    private SummonPolicy() {}

    /**
     * @param currentLead the lead whose task is not declined, if any
     * @param holdingUnits units with a task that is not declined
     */
    public static Decision check(
            Optional<UnitCode> currentLead, Set<UnitCode> holdingUnits, @Nullable UnitCode lead, List<UnitCode> units) {
        if (units.isEmpty()) {
            return Decision.rejected("units", Phrase.of("dispatch.refusal.summon.none"));
        }
        var seen = new HashSet<UnitCode>();
        for (var unit : units) {
            if (!seen.add(unit)) {
                return Decision.rejected("units", Phrase.of("dispatch.refusal.summon.twice"));
            }
            if (holdingUnits.contains(unit)) {
                return Decision.conflicting("units", Phrase.of("dispatch.refusal.summon.already"));
            }
        }
        if (currentLead.isPresent() && lead != null) {
            return Decision.conflicting("lead", Phrase.of("dispatch.refusal.summon.hasLead"));
        }
        if (currentLead.isEmpty() && lead == null) {
            return Decision.rejected("lead", Phrase.of("dispatch.refusal.summon.nameLead"));
        }
        if (lead != null && !seen.contains(lead)) {
            return Decision.rejected("lead", Phrase.of("dispatch.refusal.summon.leadAmong"));
        }
        return Decision.ALLOWED;
    }
}
