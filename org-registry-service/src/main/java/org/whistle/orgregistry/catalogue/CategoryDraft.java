package org.whistle.orgregistry.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.events.Urgency;
import org.whistle.orgreference.domain.catalogue.Category;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.catalogue.HandlingClass;
import org.whistle.orgregistry.bounds.Enums;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * A category as a person writes it, in the JSON API or a row of {@code categories.csv}: the one place its fields are
 * read and checked, by JSON field name (an import names the column, {@code parentCode} → {@code parent_code}). The
 * checks against the stored tree and the text bounds follow in {@link ManagingCategories#violations}.
 */
public record CategoryDraft(
        @Nullable String code,
        @Nullable String name,
        @Nullable String nameEn,
        @Nullable String parentCode,
        @Nullable String handlingClass,
        @Nullable String defaultUrgency) {

    /** The category, or an {@link InvalidInputException} naming every bad field. */
    public Category toCategory() {
        var violations = new ArrayList<Violation>();
        var category = toCategory(violations);
        if (category == null) {
            throw new InvalidInputException(violations);
        }
        return category;
    }

    /** The category, or null with what is wrong added to {@code violations}. */
    public @Nullable Category toCategory(List<Violation> violations) {
        int before = violations.size();
        var code = trimmed(this.code);
        if (code == null) {
            violations.add(new Violation("code", Phrase.of("refusal.required")));
        } else if (!CategoryCode.isWellFormed(code)) {
            violations.add(new Violation("code", Phrase.of("orgregistry.refusal.categoryCode")));
        }
        var name = trimmed(this.name);
        if (name == null) {
            violations.add(new Violation("name", Phrase.of("refusal.required")));
        }
        var parent = trimmed(parentCode);
        if (parent != null && !CategoryCode.isWellFormed(parent)) {
            violations.add(new Violation("parentCode", Phrase.of("orgregistry.refusal.notACategoryCode")));
        }
        var handling = Enums.required("handlingClass", handlingClass, HandlingClass.class, violations);
        var urgency = Enums.required("defaultUrgency", defaultUrgency, Urgency.class, violations);
        if (violations.size() > before || code == null || name == null) {
            return null;
        }
        return new Category(
                new CategoryCode(code),
                name,
                trimmed(nameEn),
                parent == null ? null : new CategoryCode(parent),
                handling,
                urgency,
                true,
                0);
    }

    private static @Nullable String trimmed(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
