package org.whistle.orgregistry.routing.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CommandLevel;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.routing.NodeCode;
import org.whistle.orgreference.domain.routing.RoutingRule;
import org.whistle.orgreference.domain.routing.RuleId;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.orgregistry.web.Enums;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.Violation;

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
        var violations = new ArrayList<Violation>();
        var id = pathId != null ? pathId : ruleId == null || ruleId.isBlank() ? "R-" + UUID.randomUUID() : ruleId;
        if (pathId != null && ruleId != null && !ruleId.equals(pathId)) {
            violations.add(new Violation("ruleId", "differs from the id in the path"));
        } else if (id.length() > 64) {
            violations.add(new Violation("ruleId", "is longer than 64 characters"));
        }
        var category = categoryCode == null || categoryCode.isBlank() ? null : categoryCode.trim();
        if (category != null && !CategoryCode.isWellFormed(category)) {
            violations.add(new Violation("categoryCode", "is not a category code"));
        }
        if (areaCode == null || areaCode.isBlank()) {
            violations.add(new Violation("areaCode", "is required"));
        }
        if (leadUnitCode == null || leadUnitCode.isBlank()) {
            violations.add(new Violation("leadUnitCode", "is required"));
        }
        var coUnits = coUnitCodes == null ? List.<String>of() : coUnitCodes;
        for (int i = 0; i < coUnits.size(); i++) {
            if (coUnits.get(i) == null || coUnits.get(i).isBlank()) {
                violations.add(new Violation("coUnitCodes[" + i + "]", "is blank"));
            }
        }
        var commandLevel = Enums.optional("level", level, CommandLevel.class, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new RoutingRule(
                new RuleId(id),
                category == null ? null : new CategoryCode(category),
                new NodeCode(areaCode.trim()),
                commandLevel,
                new UnitCode(leadUnitCode.trim()),
                coUnits.stream().map(String::trim).map(UnitCode::new).toList(),
                precedence == null ? 0 : precedence,
                true,
                0);
    }
}
