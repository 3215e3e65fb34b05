package org.whistle.orgregistry.routing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.CommandLevel;
import org.whistle.orgregistry.catalogue.domain.CategoryCode;
import org.whistle.orgregistry.importing.CsvTable;
import org.whistle.orgregistry.importing.ImportErrors;
import org.whistle.orgregistry.importing.ImportRow;
import org.whistle.orgregistry.importing.ImportSummary;
import org.whistle.orgregistry.importing.ImportSummary.Saved;
import org.whistle.orgregistry.routing.domain.NodeCode;
import org.whistle.orgregistry.routing.domain.RoutingRule;
import org.whistle.orgregistry.routing.domain.RuleId;
import org.whistle.orgregistry.routing.domain.UnitCode;
import org.whistle.problems.RowError;

/**
 * Imports {@code routing-rules.csv} (docs/org-data-formats.md): upserts by rule id, so a repeated import changes and
 * publishes nothing. Every bad row is reported and nothing of a rejected import survives, in the caller's
 * transaction if there is one. Imported rules are active.
 */
@Component
public class ImportingRoutingRules {

    static final List<String> COLUMNS =
            List.of("rule_id", "category_code", "area_code", "level", "lead_unit_code", "co_unit_codes", "precedence");
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
            "ruleId", "rule_id",
            "categoryCode", "category_code",
            "areaCode", "area_code",
            "level", "level",
            "leadUnitCode", "lead_unit_code",
            "precedence", "precedence");

    private final ManagingRoutingRules managing;

    ImportingRoutingRules(ManagingRoutingRules managing) {
        this.managing = managing;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public ImportSummary importCsv(String fileName, InputStream csv) {
        var table = CsvTable.read(fileName, csv, COLUMNS);
        var errors = new ImportErrors();
        var seen = new HashSet<String>();
        var outcomes = new ArrayList<Saved>();
        for (var row : table.rows()) {
            var rule = parse(row, errors);
            if (rule == null) {
                continue;
            }
            if (!seen.add(rule.id().value())) {
                errors.add(row.error("rule_id", rule.id() + " appears more than once in this file"));
                continue;
            }
            var violations = managing.violations(rule);
            violations.forEach(v -> errors.add(new RowError(row.file(), row.row(), column(v.field()), v.message())));
            if (violations.isEmpty()) {
                outcomes.add(managing.save(rule));
            }
        }
        errors.throwIfAny();
        return ImportSummary.of(fileName, outcomes);
    }

    private static String column(String field) {
        return field.startsWith("coUnitCodes") ? "co_unit_codes" : COLUMN_OF_FIELD.getOrDefault(field, field);
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
