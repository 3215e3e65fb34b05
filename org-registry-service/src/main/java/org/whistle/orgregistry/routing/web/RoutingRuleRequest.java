package org.whistle.orgregistry.routing.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.whistle.orgreference.domain.routing.RoutingRule;
import org.whistle.orgregistry.routing.RoutingRuleDraft;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/**
 * A routing rule as an administrator writes it; an empty {@code categoryCode} makes it the area's fallback owner,
 * an empty {@code level} applies it at any level. Without a {@code ruleId}, POST assigns one.
 */
record RoutingRuleRequest(
        @Nullable String ruleId,
        @Nullable String categoryCode,
        @Nullable String areaCode,
        @Nullable String level,
        @Nullable String leadUnitCode,
        @Nullable List<String> coUnitCodes,
        @Nullable Integer precedence) {

    RoutingRule toRule(@Nullable String pathId) {
        if (pathId != null && ruleId != null && !ruleId.equals(pathId)) {
            throw InvalidInputException.of("ruleId", Phrase.of("orgregistry.refusal.differsFromPath"));
        }
        var id = pathId != null ? pathId : ruleId == null || ruleId.isBlank() ? "R-" + UUID.randomUUID() : ruleId;
        return new RoutingRuleDraft(id, categoryCode, areaCode, level, leadUnitCode, coUnitCodes, precedence).toRule();
    }
}
