package org.whistle.orgregistry.deadlines.web;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.DeadlinePolicyChanged.Escalation;
import org.whistle.events.Urgency;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.deadlines.DeadlinePolicy;
import org.whistle.orgreference.domain.deadlines.PauseCondition;
import org.whistle.orgreference.domain.deadlines.PolicyId;
import org.whistle.orgregistry.web.Enums;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.Violation;

/**
 * A deadline policy as an administrator writes it: {@code durations} maps every clock ({@code FILE},
 * {@code REPORT_IN} …) to an ISO-8601 duration; an absent warning ratio means 0.8, an absent escalation
 * {@code NEXT_LEVEL}. Without a {@code policyId}, POST assigns one.
 */
record DeadlinePolicyRequest(
        @Nullable String policyId,
        @Nullable String categoryCode,
        @Nullable String urgency,
        @Nullable String level,
        @Nullable Map<String, String> durations,
        @Nullable Double warningRatio,
        @Nullable String escalation,
        @Nullable List<String> pauseWhen,
        @Nullable String calendarId) {

    DeadlinePolicy toPolicy(@Nullable String pathId) {
        var violations = new ArrayList<Violation>();
        var id = pathId != null
                ? pathId
                : policyId == null || policyId.isBlank() ? "P-" + UUID.randomUUID() : policyId.trim();
        if (pathId != null && policyId != null && !policyId.equals(pathId)) {
            violations.add(new Violation("policyId", "differs from the id in the path"));
        } else if (id.length() > 64) {
            violations.add(new Violation("policyId", "is longer than 64 characters"));
        }
        var category = categoryCode == null || categoryCode.isBlank() ? null : categoryCode.trim();
        if (category != null && !CategoryCode.isWellFormed(category)) {
            violations.add(new Violation("categoryCode", "is not a category code"));
        }
        var parsedUrgency = Enums.required("urgency", urgency, Urgency.class, violations);
        var parsedLevel = Enums.optional("level", level, CommandLevel.class, violations);
        var parsedEscalation = Enums.optional("escalation", escalation, Escalation.class, violations);
        var parsedDurations = new EnumMap<ClockKind, Duration>(ClockKind.class);
        (durations == null ? Map.<String, String>of() : durations).forEach((clock, value) -> {
            var kind = Enums.optional("durations", clock, ClockKind.class, violations);
            if (kind == null) {
                return;
            }
            try {
                parsedDurations.put(kind, Duration.parse(value));
            } catch (DateTimeParseException | NullPointerException e) {
                violations.add(
                        new Violation("durations." + clock, "'" + value + "' is not an ISO-8601 duration like PT2H"));
            }
        });
        var pauses = EnumSet.noneOf(PauseCondition.class);
        var reasons = pauseWhen == null ? List.<String>of() : pauseWhen;
        for (int i = 0; i < reasons.size(); i++) {
            var reason = Enums.optional("pauseWhen[" + i + "]", reasons.get(i), PauseCondition.class, violations);
            if (reason != null) {
                pauses.add(reason);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        // Rules of the policy as a whole (every clock, the ratio) are checked with its references, in one answer.
        return new DeadlinePolicy(
                new PolicyId(id),
                category == null ? null : new CategoryCode(category),
                parsedUrgency,
                parsedLevel,
                parsedDurations,
                warningRatio == null ? DeadlinePolicy.DEFAULT_WARNING_RATIO : warningRatio,
                parsedEscalation == null ? Escalation.NEXT_LEVEL : parsedEscalation,
                pauses,
                calendarId == null || calendarId.isBlank() ? null : calendarId.trim(),
                true,
                0);
    }
}
