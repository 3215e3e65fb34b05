package org.whistle.orgregistry.routing;

import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.CommandLevel;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.routing.NodeCode;
import org.whistle.orgreference.domain.routing.RoutingRule;
import org.whistle.orgreference.domain.routing.RuleId;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.orgregistry.importing.CsvTable;
import org.whistle.orgregistry.importing.ImportErrors;
import org.whistle.orgregistry.importing.ImportRow;
import org.whistle.orgregistry.importing.ImportSummary;
import org.whistle.orgregistry.importing.UpsertRows;

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
        var id = row.required("rule_id", errors);
        var category = row.optional("category_code");
        var area = row.required("area_code", errors);
        var level = row.optionalEnum("level", CommandLevel.class, errors);
        var lead = row.required("lead_unit_code", errors);
        boolean ok = id != null && area != null && lead != null && (row.optional("level") == null || level != null);
        if (category != null && !CategoryCode.isWellFormed(category)) {
            errors.add(row.error("category_code", "'" + category + "' is not a category code"));
            ok = false;
        }
        int precedence = 0;
        var precedenceCell = row.optional("precedence");
        if (precedenceCell != null) {
            try {
                precedence = Integer.parseInt(precedenceCell);
            } catch (NumberFormatException e) {
                errors.add(row.error("precedence", "'" + precedenceCell + "' is not a whole number"));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        return new RoutingRule(
                new RuleId(id),
                category == null ? null : new CategoryCode(category),
                new NodeCode(area),
                level,
                new UnitCode(lead),
                row.list("co_unit_codes").stream().map(UnitCode::new).toList(),
                precedence,
                true,
                0);
    }
}
