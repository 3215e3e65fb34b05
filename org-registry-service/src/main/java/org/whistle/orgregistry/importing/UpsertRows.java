package org.whistle.orgregistry.importing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.whistle.orgregistry.importing.ImportSummary.Saved;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * The loop of an import that saves as it goes: parse each row, refuse an id the file already used, check the row
 * against what is stored (including the rows saved above it), save it when good. Every bad row is reported; the
 * caller's transaction takes back what was saved when any row was bad.
 *
 * @param <T> what one row becomes
 */
public final class UpsertRows<T> {

    /** Reads one row, recording what is wrong with it; null when it cannot be read at all. */
    @FunctionalInterface
    public interface Parser<T> {
        @Nullable
        T parse(ImportRow row, ImportErrors errors);
    }

    private final String idColumn;
    private final Parser<T> parser;
    private final Function<T, String> id;
    private final Function<T, List<Violation>> check;
    private final Function<String, String> columnOfField;

    /**
     * @param check the checks the API runs, whose violations name JSON fields
     * @param columnOfField the file's column for such a field, where {@link ImportRow#columnOf} does not tell it
     */
    public UpsertRows(
            String idColumn,
            Parser<T> parser,
            Function<T, String> id,
            Function<T, List<Violation>> check,
            Function<String, String> columnOfField) {
        this.idColumn = idColumn;
        this.parser = parser;
        this.id = id;
        this.check = check;
        this.columnOfField = columnOfField;
    }

    public UpsertRows(String idColumn, Parser<T> parser, Function<T, String> id, Function<T, List<Violation>> check) {
        this(idColumn, parser, id, check, ImportRow::columnOf);
    }

    public ImportSummary run(CsvTable table, Function<T, Saved> save) {
        var errors = new ImportErrors();
        var seen = new HashSet<String>();
        var outcomes = new ArrayList<Saved>();
        for (var row : table.rows()) {
            var item = parser.parse(row, errors);
            if (item == null) {
                continue;
            }
            if (!seen.add(id.apply(item))) {
                errors.add(row.error(idColumn, Phrase.of("orgregistry.refusal.importDuplicate")));
                continue;
            }
            var violations = check.apply(item);
            violations.forEach(v -> errors.add(row.error(columnOfField.apply(v.field()), v)));
            if (violations.isEmpty()) {
                outcomes.add(save.apply(item));
            }
        }
        errors.throwIfAny();
        return ImportSummary.of(table.file(), outcomes);
    }
}
