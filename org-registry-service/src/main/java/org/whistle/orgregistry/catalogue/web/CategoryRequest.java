package org.whistle.orgregistry.catalogue.web;

import org.jspecify.annotations.Nullable;
import org.whistle.orgreference.domain.catalogue.Category;
import org.whistle.orgregistry.catalogue.CategoryDraft;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

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
        if (pathCode != null && code != null && !code.equals(pathCode)) {
            throw InvalidInputException.of("code", Phrase.of("orgregistry.refusal.differsFromPath"));
        }
        return new CategoryDraft(
                        pathCode != null ? pathCode : code, name, nameEn, parentCode, handlingClass, defaultUrgency)
                .toCategory();
    }
}
