package org.whistle.orgregistry.deadlines;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.CommandLevel;
import org.whistle.events.Urgency;
import org.whistle.orgreference.domain.catalogue.Category;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.deadlines.PolicyLookup;
import org.whistle.orgregistry.catalogue.Categories;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/** Finds the deadline policy for a whistle's category, urgency and level, by {@link PolicyLookup}. */
@Component
public class LookingUpDeadlines {

    private final DeadlinePolicies policies;
    private final Categories categories;

    LookingUpDeadlines(DeadlinePolicies policies, Categories categories) {
        this.policies = policies;
        this.categories = categories;
    }

    /**
     * @param categoryCode null considers only policies for any category
     * @throws InvalidInputException naming {@code category} for an unknown category
     */
    @Transactional(readOnly = true)
    public Optional<PolicyLookup.Match> lookup(
            @Nullable String categoryCode, Urgency urgency, @Nullable CommandLevel level) {
        Category category = null;
        if (categoryCode != null) {
            category = (CategoryCode.isWellFormed(categoryCode)
                            ? categories.find(new CategoryCode(categoryCode))
                            : Optional.<Category>empty())
                    .orElseThrow(() ->
                            InvalidInputException.of("category", Phrase.of("orgregistry.refusal.unknownCategory")));
        }
        return PolicyLookup.find(
                policies.activeFor(urgency),
                category == null ? null : category.code(),
                category == null ? null : category.parent(),
                urgency,
                level);
    }
}
