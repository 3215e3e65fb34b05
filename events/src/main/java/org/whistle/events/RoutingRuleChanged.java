package org.whistle.events;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The current state of one routing rule: for a category in an area (the node and everything below it), at a
 * command level, which units to propose, one of them lead. org-registry's {@code RoutingPolicy} documents how
 * several matching rules are ranked.
 *
 * @param categoryCode a 小类, or a 大类 meaning all its 小类; null makes the rule the area's fallback owner (兜底),
 *     used only where no category rule matches
 * @param level the command level the rule applies at; null for any level
 * @param precedence the higher wins among rules the other criteria do not separate
 */
public record RoutingRuleChanged(
        String ruleId,
        @Nullable String categoryCode,
        String areaId,
        @Nullable CommandLevel level,
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
