package org.whistle.orgreference.domain.routing;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Chooses the routing rule for one whistle and proposes its units.
 *
 * <p>A rule <em>matches</em> when it is active, its lead unit is in service, its area is the whistle's node or one
 * of its ancestors, its level is the deciding level or empty (any), and its category is the whistle's category, that
 * category's 大类, or empty (a fallback rule, 兜底). Among matching rules, in this order:
 *
 * <ol>
 *   <li>a category rule always beats a fallback rule;
 *   <li>then the deeper area wins (a grid's rule over its street's, a street's over its district's);
 *   <li>then a rule for the exact level beats an any-level rule;
 *   <li>then a rule for the 小类 beats one for its 大类;
 *   <li>then the higher {@code precedence};
 *   <li>then the smaller rule id, so the choice is deterministic.
 * </ol>
 *
 * Co-units that are out of service are left out of the proposal; the lead never is, since such a rule does not match.
 */
public final class RoutingPolicy {

    private RoutingPolicy() {}

    /**
     * @param unitInService whether a handling unit is in service today
     * @return the proposal of the winning rule, or empty when no rule matches (the dispatcher decides)
     */
    public static Optional<Proposal> propose(
            RoutingQuery query, Collection<RoutingRule> candidates, Predicate<UnitCode> unitInService) {
        var ranked = candidates.stream()
                .filter(rule -> matches(rule, query, unitInService))
                .sorted(order(query))
                .toList();
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        var winner = ranked.getFirst();
        return Optional.of(new Proposal(
                winner.id(),
                winner.lead(),
                winner.coUnits().stream().filter(unitInService).toList(),
                why(winner, ranked, query)));
    }

    static boolean matches(RoutingRule rule, RoutingQuery query, Predicate<UnitCode> unitInService) {
        return rule.active()
                && unitInService.test(rule.lead())
                && query.ancestry().contains(rule.area())
                && (rule.level() == null || rule.level() == query.level())
                && (rule.isFallback()
                        || rule.category().equals(query.category())
                        || rule.category().equals(query.mainCategory()));
    }

    /** The criteria of the class comment, each ranking the preferred rule lower (first). */
    enum Criterion {
        CATEGORY_OVER_FALLBACK(
                "a category rule beats the area's fallback owner", (rule, query) -> rule.isFallback() ? 1 : 0),
        DEEPER_AREA("the deeper area wins", (rule, query) -> -query.ancestry().indexOf(rule.area())),
        EXACT_LEVEL("a rule for the level beats an any-level rule", (rule, query) -> rule.level() == null ? 1 : 0),
        SUBCATEGORY_OVER_MAIN(
                "a 小类 rule beats a 大类 rule", (rule, query) -> query.category().equals(rule.category()) ? 0 : 1),
        HIGHER_PRECEDENCE("the higher precedence wins", (rule, query) -> -rule.precedence());

        final String explanation;
        private final RuleMeasure measure;

        Criterion(String explanation, RuleMeasure measure) {
            this.explanation = explanation;
            this.measure = measure;
        }

        int measure(RoutingRule rule, RoutingQuery query) {
            return measure.of(rule, query);
        }
    }

    @FunctionalInterface
    private interface RuleMeasure {
        int of(RoutingRule rule, RoutingQuery query);
    }

    private static Comparator<RoutingRule> order(RoutingQuery query) {
        Comparator<RoutingRule> order = (a, b) -> 0;
        for (var criterion : Criterion.values()) {
            ToIntFunction<RoutingRule> key = rule -> criterion.measure(rule, query);
            order = order.thenComparingInt(key);
        }
        return order.thenComparing(rule -> rule.id().value());
    }

    private static String why(RoutingRule winner, List<RoutingRule> ranked, RoutingQuery query) {
        var description = describe(winner);
        if (ranked.size() == 1) {
            return description + "; the only matching rule";
        }
        var runnerUp = ranked.get(1);
        for (var criterion : Criterion.values()) {
            if (criterion.measure(winner, query) != criterion.measure(runnerUp, query)) {
                return description + "; over rule " + runnerUp.id() + ": " + criterion.explanation;
            }
        }
        return description + "; over rule " + runnerUp.id() + ": all else equal, the smaller rule id wins";
    }

    private static String describe(RoutingRule rule) {
        return "rule " + rule.id() + " ("
                + (rule.isFallback() ? "fallback owner" : "category " + rule.category())
                + " in area " + rule.area()
                + ", " + (rule.level() == null ? "any level" : "level " + rule.level())
                + ", precedence " + rule.precedence() + ")";
    }
}
