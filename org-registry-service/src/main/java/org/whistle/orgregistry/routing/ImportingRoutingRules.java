package org.whistle.orgregistry.routing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.orgreference.domain.routing.RoutingRule;
import org.whistle.orgregistry.importing.CsvTable;
import org.whistle.orgregistry.importing.ImportErrors;
import org.whistle.orgregistry.importing.ImportRow;
import org.whistle.orgregistry.importing.ImportSummary;
import org.whistle.orgregistry.importing.UpsertRows;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * Imports {@code routing-rules.csv} (docs/org-data-formats.md): upserts by rule id, so a repeated import changes and
 * publishes nothing. Every bad row is reported and nothing of a rejected import survives, in the caller's
 * transaction if there is one. Imported rules are active.
 */
@Component
public class ImportingRoutingRules {

    static final List<String> COLUMNS =
            List.of("rule_id", "category_code", "area_code", "level", "lead_unit_code", "co_unit_codes", "precedence");

    private final ManagingRoutingRules managing;

    ImportingRoutingRules(ManagingRoutingRules managing) {
        this.managing = managing;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public ImportSummary importCsv(String fileName, InputStream csv) {
        return new UpsertRows<RoutingRule>(
                        "rule_id",
                        ImportingRoutingRules::parse,
                        rule -> rule.id().value(),
                        managing::violations)
                .run(CsvTable.read(fileName, csv, COLUMNS), managing::save);
    }

    private static @Nullable RoutingRule parse(ImportRow row, ImportErrors errors) {
        Integer precedence = null;
        boolean readable = true;
        var precedenceCell = row.optional("precedence");
        if (precedenceCell != null) {
            try {
                precedence = Integer.parseInt(precedenceCell);
            } catch (NumberFormatException e) {
                errors.add(row.error("precedence", Phrase.of("orgregistry.refusal.wholeNumber")));
                readable = false;
            }
        }
        var violations = new ArrayList<Violation>();
        var rule = new RoutingRuleDraft(
                        row.optional("rule_id"),
                        row.optional("category_code"),
                        row.optional("area_code"),
                        row.optional("level"),
                        row.optional("lead_unit_code"),
                        row.list("co_unit_codes"),
                        precedence)
                .toRule(violations);
        violations.forEach(v -> errors.add(row.error(ImportRow.columnOf(v.field()), v)));
        return readable ? rule : null;
    }
}
