package org.whistle.orgregistry.routing;

import java.util.HashSet;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.CommandLevel;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.routing.NodeCode;
import org.whistle.orgreference.domain.routing.Proposal;
import org.whistle.orgreference.domain.routing.RoutingPolicy;
import org.whistle.orgreference.domain.routing.RoutingQuery;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.orgregistry.catalogue.Categories;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.texts.Phrase;

/** Proposes the units for a whistle of a category at a node and command level, by {@link RoutingPolicy}. */
@Component
public class ProposingRoutes {

    private final RoutingRules rules;
    private final Categories categories;
    private final OrgTree tree;

    ProposingRoutes(RoutingRules rules, Categories categories, OrgTree tree) {
        this.rules = rules;
        this.categories = categories;
        this.tree = tree;
    }

    /**
     * @throws NotFoundException for an unknown node
     * @throws InvalidInputException naming {@code category} for an unknown category
     */
    @Transactional(readOnly = true)
    public Optional<Proposal> propose(String categoryCode, String nodeCode, @Nullable CommandLevel level) {
        var ancestry = tree.ancestry(new NodeCode(nodeCode))
                .orElseThrow(() -> new NotFoundException("organisation node", nodeCode));
        var category = (CategoryCode.isWellFormed(categoryCode)
                        ? categories.find(new CategoryCode(categoryCode))
                        : Optional.<org.whistle.orgreference.domain.catalogue.Category>empty())
                .orElseThrow(
                        () -> InvalidInputException.of("category", Phrase.of("orgregistry.refusal.unknownCategory")));
        var candidates = rules.activeIn(ancestry);
        var units = new HashSet<UnitCode>();
        candidates.forEach(rule -> {
            units.add(rule.lead());
            units.addAll(rule.coUnits());
        });
        var inService = new HashSet<>(tree.inService(units.stream().toList()));
        return RoutingPolicy.propose(
                new RoutingQuery(category.code(), category.parent(), ancestry, level), candidates, inService::contains);
    }
}
