package org.whistle.orgreference.domain.routing;

import java.util.List;

/**
 * The units {@link RoutingPolicy} proposes for one whistle, the rule that chose them, and why that rule won, in words
 * a dispatcher can check.
 */
public record Proposal(RuleId rule, UnitCode lead, List<UnitCode> coUnits, String why) {

    public Proposal {
        coUnits = List.copyOf(coUnits);
    }
}
