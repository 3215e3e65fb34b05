package org.whistle.orgregistry.catalogue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.orgreference.domain.catalogue.Category;
import org.whistle.orgregistry.importing.CsvTable;
import org.whistle.orgregistry.importing.ImportErrors;
import org.whistle.orgregistry.importing.ImportRow;
import org.whistle.orgregistry.importing.ImportSummary;
import org.whistle.orgregistry.importing.UpsertRows;
import org.whistle.problems.Violation;

/**
 * Imports {@code categories.csv} (docs/org-data-formats.md): upserts by code, so importing the same file again
 * changes and publishes nothing. Rows are saved in file order, so a 小类 may follow its 大类 in the same file. Every
 * bad row is reported and, as the import runs in the caller's transaction if there is one, nothing of a rejected
 * import survives — nor of the other files an outer seeding transaction imports with it. Imported categories are
 * active.
 */
@Component
public class ImportingCategories {

    static final List<String> COLUMNS =
            List.of("code", "name", "name_en", "parent_code", "handling_class", "default_urgency");

    private final ManagingCategories managing;

    ImportingCategories(ManagingCategories managing) {
        this.managing = managing;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public ImportSummary importCsv(String fileName, InputStream csv) {
        return new UpsertRows<Category>(
                        "code",
                        ImportingCategories::parse,
                        category -> category.code().value(),
                        managing::violations)
                .run(CsvTable.read(fileName, csv, COLUMNS), managing::save);
    }

    private static @Nullable Category parse(ImportRow row, ImportErrors errors) {
        var violations = new ArrayList<Violation>();
        var category = new CategoryDraft(
                        row.optional("code"),
                        row.optional("name"),
                        row.optional("name_en"),
                        row.optional("parent_code"),
                        row.optional("handling_class"),
                        row.optional("default_urgency"))
                .toCategory(violations);
        violations.forEach(v -> errors.add(row.error(ImportRow.columnOf(v.field()), v)));
        return category;
    }
}
