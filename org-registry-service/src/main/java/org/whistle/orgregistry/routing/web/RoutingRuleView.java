package org.whistle.orgregistry.routing.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.orgreference.domain.routing.RoutingRule;
import org.whistle.orgreference.domain.routing.UnitCode;

/** A routing rule as the API shows it. */
record RoutingRuleView(
        String ruleId,
        @Nullable String categoryCode,
        String areaCode,
        @Nullable String level,
        String leadUnitCode,
        List<String> coUnitCodes,
        int precedence,
        boolean fallback,
        boolean active,
        long revision) {

    static RoutingRuleView of(RoutingRule rule) {
        return new RoutingRuleView(
                rule.id().value(),
                rule.category() == null ? null : rule.category().value(),
                rule.area().value(),
                rule.level() == null ? null : rule.level().name(),
                rule.lead().value(),
                rule.coUnits().stream().map(UnitCode::value).toList(),
                rule.precedence(),
                rule.isFallback(),
                rule.active(),
                rule.revision());
    }
}
