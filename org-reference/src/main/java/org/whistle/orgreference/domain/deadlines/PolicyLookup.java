package org.whistle.orgreference.domain.deadlines;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CommandLevel;
import org.whistle.events.Urgency;
import org.whistle.orgreference.domain.catalogue.CategoryCode;

/**
 * Finds the deadline policy for a whistle: among active policies for its urgency, the most specific one — by
 * category first (the category itself, then its 大类, then any category), then by level (the exact level, then any
 * level). Active policies are unique per (category, urgency, level), so the choice is never a tie.
 */
public final class PolicyLookup {

    private PolicyLookup() {}

    /** Which rung of specificity chose the policy, most specific first. */
    public enum Specificity {
        CATEGORY_AND_LEVEL,
        CATEGORY_ANY_LEVEL,
        MAIN_CATEGORY_AND_LEVEL,
        MAIN_CATEGORY_ANY_LEVEL,
        ANY_CATEGORY_AND_LEVEL,
        ANY_CATEGORY_ANY_LEVEL
    }

    /** The chosen policy and the rung that chose it. */
    public record Match(DeadlinePolicy policy, Specificity specificity) {}

    /**
     * @param category the whistle's category; null considers only policies for any category
     * @param mainCategory the category's 大类; null when the category is itself a 大类
     * @param level the deciding command level; null considers only policies for any level
     */
    public static Optional<Match> find(
            Collection<DeadlinePolicy> policies,
            @Nullable CategoryCode category,
            @Nullable CategoryCode mainCategory,
            Urgency urgency,
            @Nullable CommandLevel level) {
        return policies.stream()
                .filter(policy -> policy.active() && policy.urgency() == urgency)
                .map(policy -> specificity(policy, category, mainCategory, level)
                        .map(specificity -> new Match(policy, specificity)))
                .flatMap(Optional::stream)
                .min(Comparator.comparing(Match::specificity)
                        .thenComparing(match -> match.policy().id().value()));
    }

    private static Optional<Specificity> specificity(
            DeadlinePolicy policy,
            @Nullable CategoryCode category,
            @Nullable CategoryCode mainCategory,
            @Nullable CommandLevel level) {
        boolean anyLevel = policy.level() == null;
        if (!anyLevel && policy.level() != level) {
            return Optional.empty();
        }
        if (policy.category() == null) {
            return Optional.of(anyLevel ? Specificity.ANY_CATEGORY_ANY_LEVEL : Specificity.ANY_CATEGORY_AND_LEVEL);
        }
        if (Objects.equals(policy.category(), category)) {
            return Optional.of(anyLevel ? Specificity.CATEGORY_ANY_LEVEL : Specificity.CATEGORY_AND_LEVEL);
        }
        if (Objects.equals(policy.category(), mainCategory)) {
            return Optional.of(anyLevel ? Specificity.MAIN_CATEGORY_ANY_LEVEL : Specificity.MAIN_CATEGORY_AND_LEVEL);
        }
        return Optional.empty();
    }
}
