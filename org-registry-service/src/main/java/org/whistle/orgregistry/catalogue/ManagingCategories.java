package org.whistle.orgregistry.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.orgreference.domain.catalogue.Category;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgregistry.audit.AuditLog;
import org.whistle.orgregistry.bounds.TextBounds;
import org.whistle.orgregistry.importing.ImportSummary.Saved;
import org.whistle.orgregistry.publishing.ReferencePublisher;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * Creating, changing and retiring categories. Every change is audited and published in its own transaction (or
 * the caller's), with the category's revision one higher; a save that changes nothing does neither.
 */
@Component
public class ManagingCategories {

    static final String SUBJECT = "category";

    private final Categories categories;
    private final List<CategoryUses> uses;
    private final AuditLog audit;
    private final ReferencePublisher publisher;

    ManagingCategories(Categories categories, List<CategoryUses> uses, AuditLog audit, ReferencePublisher publisher) {
        this.categories = categories;
        this.uses = uses;
        this.audit = audit;
        this.publisher = publisher;
    }

    @Transactional
    public Category create(Category draft) {
        if (categories.find(draft.code()).isPresent()) {
            throw new ConflictException(Phrase.of("orgregistry.refusal.categoryExists"));
        }
        throwIfInvalid(violations(draft));
        save(draft.withRevision(0));
        return categories.find(draft.code()).orElseThrow();
    }

    /** Replaces the described facts of a category; whether it is active stays as it is. */
    @Transactional
    public Category change(Category draft) {
        var current = categories.find(draft.code()).orElseThrow(() -> notFound(draft.code()));
        var next = new Category(
                draft.code(),
                draft.name(),
                draft.nameEn(),
                draft.parent(),
                draft.handlingClass(),
                draft.defaultUrgency(),
                current.active(),
                current.revision());
        throwIfInvalid(violations(next));
        save(next);
        return categories.find(draft.code()).orElseThrow();
    }

    /** Retires a category nothing active uses any more; retiring a retired one changes nothing. */
    @Transactional
    public Category retire(CategoryCode code) {
        var current = categories.find(code).orElseThrow(() -> notFound(code));
        var blockers = new ArrayList<String>();
        categories.activeSubcategoriesOf(code).forEach(sub -> blockers.add("小类 " + sub));
        uses.forEach(use -> blockers.addAll(use.activeUsesOf(code)));
        if (current.active() && !blockers.isEmpty()) {
            // How many rules hold it; which ones, the rule lists show (their ids are no words for people).
            throw new ConflictException(Phrase.of("orgregistry.refusal.categoryInUse", "count", blockers.size()));
        }
        save(current.retired());
        return categories.find(code).orElseThrow();
    }

    /**
     * What is wrong with storing {@code category} as it stands against the stored tree, by JSON field; empty when
     * it may be saved.
     */
    public List<Violation> violations(Category category) {
        var violations = new ArrayList<Violation>();
        TextBounds.name(category.name(), "name", TextBounds.NAME, violations);
        TextBounds.name(category.nameEn(), "nameEn", TextBounds.NAME_EN, violations);
        var parent = Optional.ofNullable(category.parent()).flatMap(categories::find);
        violations.addAll(category.treeViolations(
                parent, category.parent() != null && categories.hasSubcategories(category.code())));
        return violations;
    }

    /**
     * Stores the category (inserting or updating), audits and publishes it with the next revision, unless the stored
     * state already has the same facts. The caller has checked {@link #violations}.
     */
    @Transactional
    public Saved save(Category category) {
        var before = categories.find(category.code());
        if (before.isPresent() && before.get().sameFactsAs(category)) {
            return Saved.UNCHANGED;
        }
        var next = category.withRevision(before.map(Category::revision).orElse(0L) + 1);
        if (before.isPresent()) {
            categories.update(next);
        } else {
            categories.insert(next);
        }
        var action = before.isEmpty()
                ? "CATEGORY_CREATED"
                : next.active()
                        ? before.get().active() ? "CATEGORY_CHANGED" : "CATEGORY_REACTIVATED"
                        : "CATEGORY_RETIRED";
        audit.record(
                action,
                SUBJECT,
                next.code().value(),
                before.map(Category::toEvent).orElse(null),
                next.toEvent());
        publisher.publish(next.toEvent(), next.revision());
        return before.isEmpty() ? Saved.CREATED : Saved.UPDATED;
    }

    private static void throwIfInvalid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static NotFoundException notFound(CategoryCode code) {
        return new NotFoundException("category", code.value());
    }
}
