package org.whistle.orgregistry.routing;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.routing.RoutingRule;
import org.whistle.orgreference.domain.routing.RuleId;
import org.whistle.orgregistry.audit.AuditLog;
import org.whistle.orgregistry.bounds.TextBounds;
import org.whistle.orgregistry.catalogue.Categories;
import org.whistle.orgregistry.catalogue.CategoryUses;
import org.whistle.orgregistry.importing.ImportSummary.Saved;
import org.whistle.orgregistry.publishing.ReferencePublisher;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * Creating, changing and retiring routing rules, each change audited and published with the rule's next revision.
 * Also tells the catalogue which active rules use a category, so none is retired from under them.
 */
@Component
public class ManagingRoutingRules implements CategoryUses {

    static final String SUBJECT = "routing-rule";

    private final RoutingRules rules;
    private final Categories categories;
    private final OrgTree tree;
    private final AuditLog audit;
    private final ReferencePublisher publisher;

    ManagingRoutingRules(
            RoutingRules rules, Categories categories, OrgTree tree, AuditLog audit, ReferencePublisher publisher) {
        this.rules = rules;
        this.categories = categories;
        this.tree = tree;
        this.audit = audit;
        this.publisher = publisher;
    }

    @Transactional
    public RoutingRule create(RoutingRule draft) {
        if (rules.find(draft.id()).isPresent()) {
            throw new ConflictException(Phrase.of("orgregistry.refusal.routingRuleExists"));
        }
        throwIfInvalid(violations(draft));
        save(draft.withActive(true).withRevision(0));
        return rules.find(draft.id()).orElseThrow();
    }

    /** Replaces a rule's facts; whether it is active stays as it is. */
    @Transactional
    public RoutingRule change(RoutingRule draft) {
        var current = rules.find(draft.id()).orElseThrow(() -> notFound(draft.id()));
        var next = draft.withActive(current.active()).withRevision(current.revision());
        throwIfInvalid(violations(next));
        save(next);
        return rules.find(draft.id()).orElseThrow();
    }

    /** Retires a rule; it never matches again. Retiring a retired rule changes nothing. */
    @Transactional
    public RoutingRule retire(RuleId id) {
        var current = rules.find(id).orElseThrow(() -> notFound(id));
        save(current.withActive(false));
        return rules.find(id).orElseThrow();
    }

    /** What is wrong with storing the rule, by JSON field: unknown category, area or units, and the rule's own rules. */
    public List<Violation> violations(RoutingRule rule) {
        var violations = new ArrayList<Violation>();
        // Bounded before anything is looked up or echoed back in a message.
        TextBounds.length(rule.id().value(), "ruleId", TextBounds.CODE, violations);
        TextBounds.length(rule.area().value(), "areaCode", TextBounds.CODE, violations);
        TextBounds.length(rule.lead().value(), "leadUnitCode", TextBounds.CODE, violations);
        if (rule.coUnits().size() > TextBounds.CODES_PER_LIST) {
            violations.add(
                    new Violation("coUnitCodes", Phrase.of("refusal.atMostItems", "max", TextBounds.CODES_PER_LIST)));
        }
        for (int i = 0; i < rule.coUnits().size(); i++) {
            TextBounds.length(rule.coUnits().get(i).value(), "coUnitCodes[" + i + "]", TextBounds.CODE, violations);
        }
        if (!violations.isEmpty()) {
            return violations;
        }
        if (rule.category() != null) {
            var category = categories.find(rule.category());
            if (category.isEmpty()) {
                violations.add(new Violation("categoryCode", Phrase.of("orgregistry.refusal.unknownCategory")));
            } else if (!category.get().active() && rule.active()) {
                violations.add(new Violation("categoryCode", Phrase.of("orgregistry.refusal.categoryRetired")));
            }
        }
        if (!tree.nodeExists(rule.area())) {
            violations.add(new Violation("areaCode", Phrase.of("orgregistry.refusal.unknownNode")));
        }
        if (!tree.unitExists(rule.lead())) {
            violations.add(new Violation("leadUnitCode", Phrase.of("orgregistry.refusal.unknownUnit")));
        }
        for (int i = 0; i < rule.coUnits().size(); i++) {
            if (!tree.unitExists(rule.coUnits().get(i))) {
                violations.add(new Violation("coUnitCodes[" + i + "]", Phrase.of("orgregistry.refusal.unknownUnit")));
            }
        }
        violations.addAll(rule.violations());
        return violations;
    }

    /**
     * Stores the rule, audits and publishes it with the next revision, unless the stored state has the same facts.
     * The caller has checked {@link #violations}.
     */
    @Transactional
    public Saved save(RoutingRule rule) {
        var before = rules.find(rule.id());
        if (before.isPresent() && before.get().sameFactsAs(rule)) {
            return Saved.UNCHANGED;
        }
        var next = rule.withRevision(before.map(RoutingRule::revision).orElse(0L) + 1);
        if (before.isPresent()) {
            rules.update(next);
        } else {
            rules.insert(next);
        }
        var action = before.isEmpty()
                ? "ROUTING_RULE_CREATED"
                : next.active() ? "ROUTING_RULE_CHANGED" : "ROUTING_RULE_RETIRED";
        audit.record(
                action,
                SUBJECT,
                next.id().value(),
                before.map(RoutingRule::toEvent).orElse(null),
                next.toEvent());
        publisher.publish(next.toEvent(), next.revision());
        return before.isEmpty() ? Saved.CREATED : Saved.UPDATED;
    }

    @Override
    public List<String> activeUsesOf(CategoryCode category) {
        return rules.activeFor(category).stream()
                .map(id -> "routing rule " + id)
                .toList();
    }

    private static void throwIfInvalid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static NotFoundException notFound(RuleId id) {
        return new NotFoundException("routing rule", id.value());
    }
}
