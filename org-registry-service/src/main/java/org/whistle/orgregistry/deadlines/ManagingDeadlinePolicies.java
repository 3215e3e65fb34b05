package org.whistle.orgregistry.deadlines;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.deadlines.DeadlinePolicy;
import org.whistle.orgreference.domain.deadlines.PolicyId;
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
 * Creating, changing and retiring deadline policies, each change audited and published with the policy's next
 * revision. Keeps active policies unique per (category, urgency, level), so a lookup never meets a tie.
 */
@Component
public class ManagingDeadlinePolicies implements CategoryUses {

    static final String SUBJECT = "deadline-policy";

    private final DeadlinePolicies policies;
    private final Categories categories;
    private final AuditLog audit;
    private final ReferencePublisher publisher;

    ManagingDeadlinePolicies(
            DeadlinePolicies policies, Categories categories, AuditLog audit, ReferencePublisher publisher) {
        this.policies = policies;
        this.categories = categories;
        this.audit = audit;
        this.publisher = publisher;
    }

    @Transactional
    public DeadlinePolicy create(DeadlinePolicy draft) {
        if (policies.find(draft.id()).isPresent()) {
            throw new ConflictException(Phrase.of("orgregistry.refusal.deadlinePolicyExists"));
        }
        var next = draft.withActive(true).withRevision(0);
        throwIfInvalid(violations(next));
        throwIfCompeting(next);
        save(next);
        return policies.find(draft.id()).orElseThrow();
    }

    /** Replaces a policy's facts; whether it is active stays as it is. */
    @Transactional
    public DeadlinePolicy change(DeadlinePolicy draft) {
        var current = policies.find(draft.id()).orElseThrow(() -> notFound(draft.id()));
        var next = draft.withActive(current.active()).withRevision(current.revision());
        throwIfInvalid(violations(next));
        throwIfCompeting(next);
        save(next);
        return policies.find(draft.id()).orElseThrow();
    }

    @Transactional
    public DeadlinePolicy retire(PolicyId id) {
        var current = policies.find(id).orElseThrow(() -> notFound(id));
        save(current.withActive(false));
        return policies.find(id).orElseThrow();
    }

    /** What is wrong with the policy, by JSON field: its own rules and an unknown or retired category. */
    public List<Violation> violations(DeadlinePolicy policy) {
        var violations = new ArrayList<Violation>(policy.violations());
        TextBounds.length(policy.id().value(), "policyId", TextBounds.CODE, violations);
        TextBounds.length(policy.calendarId(), "calendarId", TextBounds.CODE, violations);
        if (policy.category() != null) {
            var category = categories.find(policy.category());
            if (category.isEmpty()) {
                violations.add(new Violation("categoryCode", Phrase.of("orgregistry.refusal.unknownCategory")));
            } else if (!category.get().active() && policy.active()) {
                violations.add(new Violation("categoryCode", Phrase.of("orgregistry.refusal.categoryRetired")));
            }
        }
        return violations;
    }

    /** The other active policy for the same category, urgency and level, if the policy would compete with one. */
    public Optional<DeadlinePolicy> competitorOf(DeadlinePolicy policy) {
        if (!policy.active()) {
            return Optional.empty();
        }
        return policies.activeFor(policy.urgency()).stream()
                .filter(other -> !other.id().equals(policy.id()) && other.sameKeyAs(policy))
                .findFirst();
    }

    /**
     * Stores the policy, audits and publishes it with the next revision, unless the stored state has the same
     * facts. The caller has checked {@link #violations} and {@link #competitorOf}.
     */
    @Transactional
    public Saved save(DeadlinePolicy policy) {
        var before = policies.find(policy.id());
        if (before.isPresent() && before.get().sameFactsAs(policy)) {
            return Saved.UNCHANGED;
        }
        var next = policy.withRevision(before.map(DeadlinePolicy::revision).orElse(0L) + 1);
        if (before.isPresent()) {
            policies.update(next);
        } else {
            policies.insert(next);
        }
        var action = before.isEmpty()
                ? "DEADLINE_POLICY_CREATED"
                : next.active() ? "DEADLINE_POLICY_CHANGED" : "DEADLINE_POLICY_RETIRED";
        audit.record(
                action,
                SUBJECT,
                next.id().value(),
                before.map(DeadlinePolicy::toEvent).orElse(null),
                next.toEvent());
        publisher.publish(next.toEvent(), next.revision());
        return before.isEmpty() ? Saved.CREATED : Saved.UPDATED;
    }

    @Override
    public List<String> activeUsesOf(CategoryCode category) {
        return policies.activeUsing(category).stream()
                .map(id -> "deadline policy " + id)
                .toList();
    }

    private void throwIfCompeting(DeadlinePolicy policy) {
        competitorOf(policy).ifPresent(other -> {
            throw new ConflictException(Phrase.of("orgregistry.refusal.deadlinePolicyActive"));
        });
    }

    private static void throwIfInvalid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static NotFoundException notFound(PolicyId id) {
        return new NotFoundException("deadline policy", id.value());
    }
}
