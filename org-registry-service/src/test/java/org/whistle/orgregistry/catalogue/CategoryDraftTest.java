package org.whistle.orgregistry.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.whistle.events.Urgency;
import org.whistle.orgreference.domain.catalogue.HandlingClass;
import org.whistle.problems.Violation;

/** The one check of a category's fields, which the JSON API and the CSV import both run. */
class CategoryDraftTest {

    @Test
    void readsAWellFormedCategory() {
        var category = new CategoryDraft("ROAD-POTHOLE", " 坑槽 ", " ", "ROAD", "GENERAL", "URGENT").toCategory();

        assertThat(category.name()).isEqualTo("坑槽");
        assertThat(category.nameEn()).isNull();
        assertThat(category.parent()).hasToString("ROAD");
        assertThat(category.handlingClass()).isEqualTo(HandlingClass.GENERAL);
        assertThat(category.defaultUrgency()).isEqualTo(Urgency.URGENT);
    }

    @Test
    void namesEveryBadFieldByItsJsonName() {
        var violations = new ArrayList<Violation>();

        assertThat(new CategoryDraft("road", null, null, "a b", "SOMETIMES", null).toCategory(violations))
                .isNull();
        assertThat(violations)
                .extracting(Violation::field)
                .containsExactly("code", "name", "parentCode", "handlingClass", "defaultUrgency");
    }
}
