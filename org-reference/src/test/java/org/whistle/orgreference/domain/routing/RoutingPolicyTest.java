package org.whistle.orgreference.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.whistle.events.CommandLevel;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.texts.PlainText;

class RoutingPolicyTest {

    private static final CategoryCode ROAD = new CategoryCode("ROAD");
    private static final CategoryCode POTHOLE = new CategoryCode("ROAD-POTHOLE");
    private static final List<NodeCode> GRID_ANCESTRY = nodes("230200", "230225", "230225100", "230225100001");
    private static final RoutingQuery POTHOLE_IN_GRID_AT_STREET =
            new RoutingQuery(POTHOLE, ROAD, GRID_ANCESTRY, CommandLevel.STREET);
    private static final Predicate<UnitCode> ALL_IN_SERVICE = unit -> true;

    @Test
    void prefersACategoryRuleToAFallbackRuleEvenWhenTheFallbackIsDeeper() {
        var category = rule("R-CAT", ROAD, "230225", null, 0);
        var fallback = rule("R-FALLBACK", null, "230225100001", CommandLevel.STREET, 99);

        assertThat(chosen(category, fallback)).isEqualTo("R-CAT");
    }

    @Test
    void fallsBackToTheAreasFallbackOwnerWhenNoCategoryRuleMatches() {
        var otherCategory = rule("R-OTHER", new CategoryCode("WATER"), "230225", null, 0);
        var districtFallback = rule("R-DISTRICT", null, "230225", null, 0);
        var streetFallback = rule("R-STREET", null, "230225100", null, 0);

        var proposal = propose(otherCategory, districtFallback, streetFallback).orElseThrow();

        assertThat(proposal.rule()).isEqualTo(new RuleId("R-STREET"));
        assertThat(proposal.why()).contains("兜底派单规则").contains("下级区域的规则优先");
    }

    @Test
    void prefersTheDeeperAreaOverLevelCategoryDepthAndPrecedence() {
        var district = rule("R-DISTRICT", POTHOLE, "230225", CommandLevel.STREET, 50);
        var street = rule("R-STREET", ROAD, "230225100", null, 0);

        assertThat(chosen(district, street)).isEqualTo("R-STREET");
    }

    @Test
    void prefersARuleForTheExactLevelOverAnAnyLevelRuleInTheSameArea() {
        var anyLevel = rule("R-ANY", POTHOLE, "230225100", null, 50);
        var street = rule("R-STREET", ROAD, "230225100", CommandLevel.STREET, 0);

        assertThat(chosen(anyLevel, street)).isEqualTo("R-STREET");
    }

    @Test
    void prefersTheSubcategoryOverItsMainCategoryWhenAreaAndLevelTie() {
        var main = rule("R-MAIN", ROAD, "230225100", null, 50);
        var sub = rule("R-SUB", POTHOLE, "230225100", null, 0);

        var proposal = propose(main, sub).orElseThrow();

        assertThat(proposal.rule()).isEqualTo(new RuleId("R-SUB"));
        assertThat(proposal.why()).contains("小类规则优先于大类规则");
    }

    @Test
    void prefersTheHigherPrecedenceWhenEverythingElseTies() {
        assertThat(chosen(rule("R-LOW", POTHOLE, "230225", null, 1), rule("R-HIGH", POTHOLE, "230225", null, 5)))
                .isEqualTo("R-HIGH");
    }

    @Test
    void breaksACompleteTieByTheSmallerRuleId() {
        assertThat(chosen(rule("R-B", POTHOLE, "230225", null, 0), rule("R-A", POTHOLE, "230225", null, 0)))
                .isEqualTo("R-A");
    }

    @Test
    void ignoresRulesForAnotherLevelAndLevelRulesWhenNoLevelIsGiven() {
        var district = rule("R-DISTRICT-LEVEL", POTHOLE, "230225100", CommandLevel.DISTRICT, 0);
        var anyLevel = rule("R-ANY", POTHOLE, "230225", null, 0);

        assertThat(chosen(district, anyLevel)).isEqualTo("R-ANY");
        assertThat(RoutingPolicy.propose(
                        new RoutingQuery(POTHOLE, ROAD, GRID_ANCESTRY, null),
                        List.of(rule("R-STREET", POTHOLE, "230225", CommandLevel.STREET, 0)),
                        ALL_IN_SERVICE))
                .isEmpty();
    }

    @Test
    void neverMatchesRetiredRulesRulesOutsideTheAreaOrRulesWhoseLeadIsRetired() {
        var retired = rule("R-RETIRED", POTHOLE, "230225100001", null, 0).withActive(false);
        var elsewhere = rule("R-ELSEWHERE", POTHOLE, "230202", null, 0);
        var retiredLead = rule("R-GONE-LEAD", POTHOLE, "230225100", null, 0, "UNIT-GONE");

        assertThat(RoutingPolicy.propose(
                        POTHOLE_IN_GRID_AT_STREET,
                        List.of(retired, elsewhere, retiredLead),
                        unit -> !unit.value().equals("UNIT-GONE")))
                .isEmpty();
    }

    @Test
    void leavesRetiredCoUnitsOutOfTheProposal() {
        var rule = new RoutingRule(
                new RuleId("R-1"),
                POTHOLE,
                new NodeCode("230225"),
                null,
                new UnitCode("LEAD"),
                List.of(new UnitCode("CO-OK"), new UnitCode("CO-GONE")),
                0,
                true,
                1);

        var proposal = RoutingPolicy.propose(
                        POTHOLE_IN_GRID_AT_STREET,
                        List.of(rule),
                        unit -> !unit.value().equals("CO-GONE"))
                .orElseThrow();

        assertThat(proposal.lead()).isEqualTo(new UnitCode("LEAD"));
        assertThat(proposal.coUnits()).containsExactly(new UnitCode("CO-OK"));
        assertThat(proposal.why()).contains("唯一适用的规则").doesNotContain("R-");
        assertThat(PlainText.offences(proposal.why())).isEmpty();
    }

    @Test
    void proposesNothingWithoutCandidates() {
        assertThat(RoutingPolicy.propose(POTHOLE_IN_GRID_AT_STREET, Set.of(), ALL_IN_SERVICE))
                .isEmpty();
    }

    private static String chosen(RoutingRule... rules) {
        return propose(rules).orElseThrow().rule().value();
    }

    private static java.util.Optional<Proposal> propose(RoutingRule... rules) {
        return RoutingPolicy.propose(POTHOLE_IN_GRID_AT_STREET, Arrays.asList(rules), ALL_IN_SERVICE);
    }

    private static RoutingRule rule(
            String id, @Nullable CategoryCode category, String area, @Nullable CommandLevel level, int precedence) {
        return rule(id, category, area, level, precedence, "LEAD-" + id);
    }

    private static RoutingRule rule(
            String id,
            @Nullable CategoryCode category,
            String area,
            @Nullable CommandLevel level,
            int precedence,
            String lead) {
        return new RoutingRule(
                new RuleId(id),
                category,
                new NodeCode(area),
                level,
                new UnitCode(lead),
                List.of(),
                precedence,
                true,
                1);
    }

    private static List<NodeCode> nodes(String... codes) {
        return Arrays.stream(codes).map(NodeCode::new).toList();
    }
}
