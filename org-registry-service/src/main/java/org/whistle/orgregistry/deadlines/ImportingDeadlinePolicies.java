package org.whistle.orgregistry.deadlines;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.ClockKind;
import org.whistle.orgreference.domain.deadlines.DeadlinePolicy;
import org.whistle.orgregistry.importing.CsvTable;
import org.whistle.orgregistry.importing.ImportErrors;
import org.whistle.orgregistry.importing.ImportRow;
import org.whistle.orgregistry.importing.ImportSummary;
import org.whistle.orgregistry.importing.UpsertRows;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * Imports {@code deadline-policies.csv} (docs/org-data-formats.md): upserts by policy id, so a repeated import
 * changes and publishes nothing. An empty warning ratio means 0.8, an empty escalation {@code NEXT_LEVEL}. Every bad
 * row — including one competing with another active policy for the same category, urgency and level — is reported,
 * and nothing of a rejected import survives, in the caller's transaction if there is one.
 */
@Component
public class ImportingDeadlinePolicies {

    private static final Map<ClockKind, String> CLOCK_COLUMNS = Map.of(
            ClockKind.FILE, "file",
            ClockKind.REPORT_IN, "report_in",
            ClockKind.CONTACT_REPORTER, "contact_reporter",
            ClockKind.RESOLVE, "resolve",
            ClockKind.VERIFY, "verify",
            ClockKind.FOLLOW_UP, "follow_up");
    static final List<String> COLUMNS = List.of(
            "policy_id",
            "category_code",
            "urgency",
            "level",
            "file",
            "report_in",
            "contact_reporter",
            "resolve",
            "verify",
            "follow_up",
            "warning_ratio",
            "escalation",
            "pause_when",
            "calendar_id");

    private final ManagingDeadlinePolicies managing;

    ImportingDeadlinePolicies(ManagingDeadlinePolicies managing) {
        this.managing = managing;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public ImportSummary importCsv(String fileName, InputStream csv) {
        return new UpsertRows<DeadlinePolicy>(
                        "policy_id",
                        ImportingDeadlinePolicies::parse,
                        policy -> policy.id().value(),
                        this::violations,
                        ImportingDeadlinePolicies::column)
                .run(CsvTable.read(fileName, csv, COLUMNS), managing::save);
    }

    /** The API's checks, and that no other active policy holds the same category, urgency and level. */
    private List<Violation> violations(DeadlinePolicy policy) {
        var violations = new ArrayList<>(managing.violations(policy));
        managing.competitorOf(policy)
                .ifPresent(other -> violations.add(
                        new Violation("categoryCode", Phrase.of("orgregistry.refusal.deadlinePolicyActive"))));
        return violations;
    }

    private static String column(String field) {
        if (field.startsWith("durations.")) {
            return CLOCK_COLUMNS.get(ClockKind.valueOf(field.substring("durations.".length())));
        }
        return ImportRow.columnOf(field);
    }

    private static @Nullable DeadlinePolicy parse(ImportRow row, ImportErrors errors) {
        boolean readable = true;
        Double ratio = null;
        var ratioCell = row.optional("warning_ratio");
        if (ratioCell != null) {
            try {
                ratio = Double.parseDouble(ratioCell);
            } catch (NumberFormatException e) {
                errors.add(row.error("warning_ratio", Phrase.of("orgregistry.refusal.number")));
                readable = false;
            }
        }
        var durations = new LinkedHashMap<String, String>();
        for (var clock : ClockKind.values()) {
            var cell = row.optional(CLOCK_COLUMNS.get(clock));
            if (cell != null) {
                durations.put(clock.name(), cell);
            }
        }
        var violations = new ArrayList<Violation>();
        var policy = new DeadlinePolicyDraft(
                        row.optional("policy_id"),
                        row.optional("category_code"),
                        row.optional("urgency"),
                        row.optional("level"),
                        durations,
                        ratio,
                        row.optional("escalation"),
                        row.list("pause_when"),
                        row.optional("calendar_id"))
                .toPolicy(violations);
        violations.forEach(v -> errors.add(row.error(column(v.field()), v)));
        return readable ? policy : null;
    }
}
