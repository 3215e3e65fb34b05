package org.whistle.orgregistry.catalogue;

import java.util.List;
import org.whistle.orgreference.domain.catalogue.CategoryCode;

/**
 * Something outside the catalogue that depends on categories (routing rules, deadline policies): asked before a
 * category is retired, so no active rule is left pointing at a retired category.
 */
public interface CategoryUses {

    /** Human-readable descriptions of the active things that use the category, e.g. {@code routing rule R-1}. */
    List<String> activeUsesOf(CategoryCode category);
}
