package org.whistle.events;

import java.util.List;

/**
 * The current state of one routing rule: for a category in an area, which units to propose, one of them lead.
 *
 * @param precedence the higher wins where several rules match
 */
public record RoutingRuleChanged(
        String ruleId,
        String categoryCode,
        String areaId,
        String leadUnitId,
        List<String> coUnitIds,
        int precedence,
        boolean active)
        implements ReferenceEvent {

    @Override
    public String key() {
        return ruleId;
    }
}
