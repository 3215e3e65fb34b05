package org.whistle.orgregistry.catalogue.web;

import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.whistle.events.Urgency;
import org.whistle.orgreference.domain.catalogue.Category;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.catalogue.HandlingClass;
import org.whistle.orgregistry.web.Enums;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.Violation;

/**
 * A category as an administrator writes it. Enumerations arrive as strings so a bad value is reported against its
 * field rather than as an unreadable body; {@code code} is taken from the path on PUT.
 */
record CategoryRequest(
        @Nullable String code,
        @Nullable String name,
        @Nullable String nameEn,
        @Nullable String parentCode,
        @Nullable String handlingClass,
        @Nullable String defaultUrgency) {

    Category toCategory(@Nullable String pathCode) {
        var violations = new ArrayList<Violation>();
        var effectiveCode = pathCode != null ? pathCode : code;
        if (effectiveCode == null || effectiveCode.isBlank()) {
            violations.add(new Violation("code", "is required"));
        } else if (!CategoryCode.isWellFormed(effectiveCode)) {
            violations.add(new Violation("code", "must be upper-case letters, digits and '-'"));
        } else if (pathCode != null && code != null && !code.equals(pathCode)) {
            violations.add(new Violation("code", "differs from the code in the path"));
        }
        // How long a name may be, and what it may hold, ManagingCategories checks for the API and imports alike.
        if (name == null || name.isBlank()) {
            violations.add(new Violation("name", "is required"));
        }
        if (parentCode != null && !CategoryCode.isWellFormed(parentCode)) {
            violations.add(new Violation("parentCode", "is not a category code"));
        }
        var handling = Enums.required("handlingClass", handlingClass, HandlingClass.class, violations);
        var urgency = Enums.required("defaultUrgency", defaultUrgency, Urgency.class, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Category(
                new CategoryCode(effectiveCode),
                name.trim(),
                nameEn == null || nameEn.isBlank() ? null : nameEn.trim(),
                parentCode == null ? null : new CategoryCode(parentCode),
                handling,
                urgency,
                true,
                0);
    }
}
