package org.whistle.orgregistry.routing;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CommandLevel;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.routing.NodeCode;
import org.whistle.orgreference.domain.routing.RoutingRule;
import org.whistle.orgreference.domain.routing.RuleId;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.orgregistry.bounds.Enums;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * A routing rule as a person writes it, in the JSON API or a row of {@code routing-rules.csv}: the one place its
 * fields are read and checked, by JSON field name (an import names the column). An empty category makes the rule the
 * area's fallback owner, an empty level applies it at any level. The checks against stored data follow in
 * {@link ManagingRoutingRules#violations}.
 */
public record RoutingRuleDraft(
        @Nullable String ruleId,
        @Nullable String categoryCode,
        @Nullable String areaCode,
        @Nullable String level,
        @Nullable String leadUnitCode,
        @Nullable List<String> coUnitCodes,
        @Nullable Integer precedence) {

    static final int MAX_ID = 64;

    /** The rule, or an {@link InvalidInputException} naming every bad field. */
    public RoutingRule toRule() {
        var violations = new ArrayList<Violation>();
        var rule = toRule(violations);
        if (rule == null) {
            throw new InvalidInputException(violations);
        }
        return rule;
    }

    /** The rule, or null with what is wrong added to {@code violations}. */
    public @Nullable RoutingRule toRule(List<Violation> violations) {
        int before = violations.size();
        var id = trimmed(ruleId);
        if (id == null) {
            violations.add(new Violation("ruleId", Phrase.of("refusal.required")));
        } else if (id.length() > MAX_ID) {
            violations.add(new Violation("ruleId", Phrase.of("refusal.atMostCharacters", "max", MAX_ID)));
        }
        var category = trimmed(categoryCode);
        if (category != null && !CategoryCode.isWellFormed(category)) {
            violations.add(new Violation("categoryCode", Phrase.of("orgregistry.refusal.notACategoryCode")));
        }
        var area = trimmed(areaCode);
        if (area == null) {
            violations.add(new Violation("areaCode", Phrase.of("refusal.required")));
        }
        var lead = trimmed(leadUnitCode);
        if (lead == null) {
            violations.add(new Violation("leadUnitCode", Phrase.of("refusal.required")));
        } else if (!UnitCode.isWellFormed(lead)) {
            violations.add(new Violation("leadUnitCode", Phrase.of("orgregistry.refusal.notAUnitCode")));
        }
        var coUnits = new ArrayList<UnitCode>();
        var listed = coUnitCodes == null ? List.<String>of() : coUnitCodes;
        for (int i = 0; i < listed.size(); i++) {
            var unit = trimmed(listed.get(i));
            if (unit == null) {
                violations.add(new Violation("coUnitCodes[" + i + "]", Phrase.of("refusal.required")));
            } else if (!UnitCode.isWellFormed(unit)) {
                violations.add(new Violation("coUnitCodes[" + i + "]", Phrase.of("orgregistry.refusal.notAUnitCode")));
            } else {
                coUnits.add(new UnitCode(unit));
            }
        }
        var commandLevel = Enums.optional("level", level, CommandLevel.class, violations);
        if (violations.size() > before || id == null || area == null || lead == null) {
            return null;
        }
        return new RoutingRule(
                new RuleId(id),
                category == null ? null : new CategoryCode(category),
                new NodeCode(area),
                commandLevel,
                new UnitCode(lead),
                List.copyOf(coUnits),
                precedence == null ? 0 : precedence,
                true,
                0);
    }

    private static @Nullable String trimmed(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
