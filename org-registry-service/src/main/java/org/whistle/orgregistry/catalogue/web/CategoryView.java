package org.whistle.orgregistry.catalogue.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.orgreference.domain.catalogue.Category;

/** A category as the API shows it; in the tree, a 大类 lists its 小类. */
record CategoryView(
        String code,
        String name,
        @Nullable String nameEn,
        @Nullable String parentCode,
        String handlingClass,
        String defaultUrgency,
        boolean active,
        long revision,
        @Nullable List<CategoryView> subcategories) {

    static CategoryView of(Category category) {
        return of(category, null);
    }

    static CategoryView of(Category category, @Nullable List<CategoryView> subcategories) {
        return new CategoryView(
                category.code().value(),
                category.name(),
                category.nameEn(),
                category.parent() == null ? null : category.parent().value(),
                category.handlingClass().name(),
                category.defaultUrgency().name(),
                category.active(),
                category.revision(),
                subcategories);
    }
}
