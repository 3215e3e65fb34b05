package org.whistle.orgreference.domain.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CommandLevel;
import org.whistle.events.RoutingRuleChanged;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.problems.Violation;

/**
 * For whistles of a category (a 小类, or a 大类 meaning all its 小类) inside an area (a node and everything below it)
 * at a command level (or any), the units to summon: one lead and any co-handling units.
 *
 * @param category null makes the rule the area's fallback owner (兜底)
 * @param level null for any command level
 * @param precedence the higher wins where {@link RoutingPolicy}'s earlier criteria tie
 * @param revision how many states of this rule were published; 0 before the first
 */
public record RoutingRule(
        RuleId id,
        @Nullable CategoryCode category,
        NodeCode area,
        @Nullable CommandLevel level,
        UnitCode lead,
        List<UnitCode> coUnits,
        int precedence,
        boolean active,
        long revision) {

    public RoutingRule {
        Objects.requireNonNull(id);
        Objects.requireNonNull(area);
        Objects.requireNonNull(lead);
        coUnits = List.copyOf(coUnits);
    }

    public boolean isFallback() {
        return category == null;
    }

    /** The rule's own consistency: the lead is not also a co-unit, co-units are named once. */
    public List<Violation> violations() {
        var violations = new ArrayList<Violation>();
        var seen = new HashSet<UnitCode>();
        for (int i = 0; i < coUnits.size(); i++) {
            var unit = coUnits.get(i);
            if (unit.equals(lead)) {
                violations.add(new Violation("coUnitCodes[" + i + "]", unit + " is already the lead unit"));
            } else if (!seen.add(unit)) {
                violations.add(new Violation("coUnitCodes[" + i + "]", unit + " is named more than once"));
            }
        }
        return violations;
    }

    public boolean sameFactsAs(RoutingRule other) {
        return equals(other.withRevision(revision));
    }

    public RoutingRule withRevision(long next) {
        return new RoutingRule(id, category, area, level, lead, coUnits, precedence, active, next);
    }

    public RoutingRule withActive(boolean nowActive) {
        return new RoutingRule(id, category, area, level, lead, coUnits, precedence, nowActive, revision);
    }

    public RoutingRuleChanged toEvent() {
        return new RoutingRuleChanged(
                id.value(),
                category == null ? null : category.value(),
                area.value(),
                level,
                lead.value(),
                coUnits.stream().map(UnitCode::value).toList(),
                precedence,
                active);
    }

    /** The rule as a consumer of {@code org-rules} holds it. */
    public static RoutingRule from(RoutingRuleChanged event, long revision) {
        return new RoutingRule(
                new RuleId(event.ruleId()),
                event.categoryCode() == null ? null : new CategoryCode(event.categoryCode()),
                new NodeCode(event.areaId()),
                event.level(),
                new UnitCode(event.leadUnitId()),
                event.coUnitIds().stream().map(UnitCode::new).toList(),
                event.precedence(),
                event.active(),
                revision);
    }
}
