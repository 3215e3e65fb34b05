package org.whistle.orgregistry.deadlines;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.DeadlinePolicyChanged.Escalation;
import org.whistle.events.Urgency;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.deadlines.DeadlinePolicy;
import org.whistle.orgreference.domain.deadlines.PauseCondition;
import org.whistle.orgreference.domain.deadlines.PolicyId;
import org.whistle.orgregistry.importing.CsvTable;
import org.whistle.orgregistry.importing.ImportErrors;
import org.whistle.orgregistry.importing.ImportRow;
import org.whistle.orgregistry.importing.ImportSummary;
import org.whistle.orgregistry.importing.UpsertRows;
import org.whistle.problems.Violation;

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
                .ifPresent(other -> violations.add(new Violation(
                        "categoryCode",
                        "policy " + other.id() + " is already active for the same category, urgency and level")));
        return violations;
    }

    private static String column(String field) {
        if (field.startsWith("durations.")) {
            return CLOCK_COLUMNS.get(ClockKind.valueOf(field.substring("durations.".length())));
        }
        return ImportRow.columnOf(field);
    }

    private static @Nullable DeadlinePolicy parse(ImportRow row, ImportErrors errors) {
        var id = row.required("policy_id", errors);
        var category = row.optional("category_code");
        var urgency = row.requiredEnum("urgency", Urgency.class, errors);
        var level = row.optionalEnum("level", CommandLevel.class, errors);
        var escalation = row.optionalEnum("escalation", Escalation.class, errors);
        boolean ok = id != null
                && urgency != null
                && (row.optional("level") == null || level != null)
                && (row.optional("escalation") == null || escalation != null);
        if (id != null && id.length() > 64) {
            errors.add(row.error("policy_id", "is longer than 64 characters"));
            ok = false;
        }
        if (category != null && !CategoryCode.isWellFormed(category)) {
            errors.add(row.error("category_code", "'" + category + "' is not a category code"));
            ok = false;
        }
        var durations = new EnumMap<ClockKind, Duration>(ClockKind.class);
        for (var clock : ClockKind.values()) {
            var duration = row.requiredDuration(CLOCK_COLUMNS.get(clock), errors);
            if (duration == null) {
                ok = false;
            } else {
                durations.put(clock, duration);
            }
        }
        double ratio = DeadlinePolicy.DEFAULT_WARNING_RATIO;
        var ratioCell = row.optional("warning_ratio");
        if (ratioCell != null) {
            try {
                ratio = Double.parseDouble(ratioCell);
            } catch (NumberFormatException e) {
                errors.add(row.error("warning_ratio", "'" + ratioCell + "' is not a number"));
                ok = false;
            }
        }
        var pauseWhen = EnumSet.noneOf(PauseCondition.class);
        for (var reason : row.list("pause_when")) {
            try {
                pauseWhen.add(PauseCondition.valueOf(reason));
            } catch (IllegalArgumentException e) {
                errors.add(row.error("pause_when", "'" + reason + "' is not SUSPENDED or EXTENSION"));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        return new DeadlinePolicy(
                new PolicyId(id),
                category == null ? null : new CategoryCode(category),
                urgency,
                level,
                durations,
                ratio,
                escalation == null ? Escalation.NEXT_LEVEL : escalation,
                pauseWhen,
                row.optional("calendar_id"),
                true,
                0);
    }
}
