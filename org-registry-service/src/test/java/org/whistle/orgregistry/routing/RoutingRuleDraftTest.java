package org.whistle.orgregistry.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.events.CommandLevel;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/** The one check of a routing rule's fields, which the JSON API and the CSV import both run. */
class RoutingRuleDraftTest {

    @Test
    void readsAWellFormedRuleTrimmingItsCodes() {
        var rule = new RoutingRuleDraft(" R-1 ", "ROAD-DAMAGE", "230225", "STREET", " QQ-ROADS ", List.of("QQ-GAS"), 5)
                .toRule();

        assertThat(rule.id().value()).isEqualTo("R-1");
        assertThat(rule.lead().value()).isEqualTo("QQ-ROADS");
        assertThat(rule.level()).isEqualTo(CommandLevel.STREET);
        assertThat(rule.precedence()).isEqualTo(5);
    }

    @Test
    void namesEveryBadFieldByItsJsonName() {
        var violations = new ArrayList<Violation>();

        var rule = new RoutingRuleDraft(
                        null,
                        "road damage",
                        " ",
                        "PROVINCE",
                        "qq-roads",
                        java.util.Arrays.asList("QQ-GAS", " ", "x y"),
                        null)
                .toRule(violations);

        assertThat(rule).isNull();
        assertThat(violations)
                .extracting(Violation::field)
                .containsExactly(
                        "ruleId",
                        "categoryCode",
                        "areaCode",
                        "leadUnitCode",
                        "coUnitCodes[1]",
                        "coUnitCodes[2]",
                        "level");
    }

    @Test
    void refusesAsInvalidInputForTheApi() {
        assertThatThrownBy(() -> new RoutingRuleDraft("R-1", null, "230225", null, "bad code", null, null).toRule())
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .containsExactly(
                                        new Violation("leadUnitCode", Phrase.of("orgregistry.refusal.notAUnitCode"))));
    }
}
