package org.whistle.orgreference.domain.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CategoryChanged;
import org.whistle.events.Urgency;
import org.whistle.problems.Violation;

/**
 * An event category: a 大类 (no parent) or a 小类 (its parent a 大类). Retired categories stay, inactive, so
 * whistles raised under them remain explainable.
 *
 * @param revision how many states of this category were published; 0 before the first
 */
public record Category(
        CategoryCode code,
        String name,
        @Nullable String nameEn,
        @Nullable CategoryCode parent,
        HandlingClass handlingClass,
        Urgency defaultUrgency,
        boolean active,
        long revision) {

    public Category {
        Objects.requireNonNull(code);
        Objects.requireNonNull(name);
        Objects.requireNonNull(handlingClass);
        Objects.requireNonNull(defaultUrgency);
    }

    public boolean isMain() {
        return parent == null;
    }

    /** Whether the published facts (everything but the revision) are the same. */
    public boolean sameFactsAs(Category other) {
        return equals(other.withRevision(revision));
    }

    public Category withRevision(long next) {
        return new Category(code, name, nameEn, parent, handlingClass, defaultUrgency, active, next);
    }

    public Category retired() {
        return new Category(code, name, nameEn, parent, handlingClass, defaultUrgency, false, revision);
    }

    /**
     * The two-level rule: a parent must exist, be active and be a 大类; a category that has 小类 cannot become one.
     *
     * @param parentNow the stored parent, when this category names one
     * @param hasSubcategories whether other categories name this one as their parent
     */
    public List<Violation> treeViolations(Optional<Category> parentNow, boolean hasSubcategories) {
        var violations = new ArrayList<Violation>();
        if (parent == null) {
            return violations;
        }
        if (parent.equals(code)) {
            violations.add(new Violation("parentCode", "cannot be the category itself"));
        } else if (parentNow.isEmpty()) {
            violations.add(new Violation("parentCode", "names no category: " + parent));
        } else if (!parentNow.get().isMain()) {
            violations.add(new Violation("parentCode", parent + " is a 小类; categories have two levels only"));
        } else if (!parentNow.get().active()) {
            violations.add(new Violation("parentCode", parent + " is retired"));
        }
        if (hasSubcategories) {
            violations.add(new Violation("parentCode", code + " has 小类 of its own, so it must stay a 大类"));
        }
        return violations;
    }

    public CategoryChanged toEvent() {
        return new CategoryChanged(
                code.value(),
                name,
                nameEn,
                parent == null ? null : parent.value(),
                handlingClass.name(),
                defaultUrgency,
                active);
    }
}
