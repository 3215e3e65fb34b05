package org.whistle.orgreference.domain.routing;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.whistle.texts.Catalogue;

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
 * The proposal's {@code why} is for the dispatcher who reads it: in the message catalogue's words, without rule ids or
 * codes (the proposal carries the rule id for machines).
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

    /** The criteria of the class comment, each ranking the preferred rule lower (first); named in the catalogue. */
    enum Criterion {
        CATEGORY_OVER_FALLBACK((rule, query) -> rule.isFallback() ? 1 : 0),
        DEEPER_AREA((rule, query) -> -query.ancestry().indexOf(rule.area())),
        EXACT_LEVEL((rule, query) -> rule.level() == null ? 1 : 0),
        SUBCATEGORY_OVER_MAIN((rule, query) -> query.category().equals(rule.category()) ? 0 : 1),
        HIGHER_PRECEDENCE((rule, query) -> -rule.precedence());

        private final RuleMeasure measure;

        Criterion(RuleMeasure measure) {
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
        var texts = Catalogue.chinese();
        var description = describe(winner, query, texts);
        if (ranked.size() == 1) {
            return texts.text("routing.why.only", Map.of("rule", description));
        }
        var runnerUp = ranked.get(1);
        for (var criterion : Criterion.values()) {
            if (criterion.measure(winner, query) != criterion.measure(runnerUp, query)) {
                return texts.text(
                        "routing.why.over",
                        Map.of("rule", description, "criterion", texts.name("routing.criterion", criterion)));
            }
        }
        return texts.text(
                "routing.why.over", Map.of("rule", description, "criterion", texts.text("routing.criterion.tie")));
    }

    private static String describe(RoutingRule rule, RoutingQuery query, Catalogue texts) {
        var own = !query.ancestry().isEmpty() && query.ancestry().getLast().equals(rule.area());
        var level = rule.level();
        return texts.text(
                rule.isFallback() ? "routing.rule.fallback" : "routing.rule.category",
                Map.of(
                        "area",
                        texts.text(own ? "routing.area.own" : "routing.area.above"),
                        "level",
                        level == null
                                ? texts.text("routing.level.any")
                                : texts.text("routing.level.one", Map.of("level", texts.name("level", level))),
                        "precedence",
                        rule.precedence()));
    }
}
