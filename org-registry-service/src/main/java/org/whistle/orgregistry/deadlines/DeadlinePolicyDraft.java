package org.whistle.orgregistry.deadlines;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.DeadlinePolicyChanged.Escalation;
import org.whistle.events.Urgency;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.deadlines.DeadlinePolicy;
import org.whistle.orgreference.domain.deadlines.PauseCondition;
import org.whistle.orgreference.domain.deadlines.PolicyId;
import org.whistle.orgregistry.bounds.Enums;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * A deadline policy as a person writes it, in the JSON API or a row of {@code deadline-policies.csv}: the one place
 * its fields are read and checked, by JSON field name (an import names the column). {@code durations} maps clock
 * names ({@code FILE}, {@code REPORT_IN} …) to ISO-8601 durations; an absent warning ratio means 0.8, an absent
 * escalation {@code NEXT_LEVEL}. The rules of the policy as a whole (every clock, positive, the ratio) and its
 * references are checked by {@link ManagingDeadlinePolicies#violations}, for both.
 */
public record DeadlinePolicyDraft(
        @Nullable String policyId,
        @Nullable String categoryCode,
        @Nullable String urgency,
        @Nullable String level,
        @Nullable Map<String, String> durations,
        @Nullable Double warningRatio,
        @Nullable String escalation,
        @Nullable List<String> pauseWhen,
        @Nullable String calendarId) {

    static final int MAX_ID = 64;

    /** The policy, or an {@link InvalidInputException} naming every bad field. */
    public DeadlinePolicy toPolicy() {
        var violations = new ArrayList<Violation>();
        var policy = toPolicy(violations);
        if (policy == null) {
            throw new InvalidInputException(violations);
        }
        return policy;
    }

    /** The policy, or null with what is wrong added to {@code violations}. */
    public @Nullable DeadlinePolicy toPolicy(List<Violation> violations) {
        int before = violations.size();
        var id = trimmed(policyId);
        if (id == null) {
            violations.add(new Violation("policyId", Phrase.of("refusal.required")));
        } else if (id.length() > MAX_ID) {
            violations.add(new Violation("policyId", Phrase.of("refusal.atMostCharacters", "max", MAX_ID)));
        }
        var category = trimmed(categoryCode);
        if (category != null && !CategoryCode.isWellFormed(category)) {
            violations.add(new Violation("categoryCode", Phrase.of("orgregistry.refusal.notACategoryCode")));
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
                parsedDurations.put(kind, Duration.parse(value.trim()));
            } catch (DateTimeParseException | NullPointerException e) {
                violations.add(new Violation(
                        "durations." + clock, Phrase.of("orgregistry.refusal.duration", "example", "PT2H")));
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
        if (violations.size() > before || id == null || parsedUrgency == null) {
            return null;
        }
        return new DeadlinePolicy(
                new PolicyId(id),
                category == null ? null : new CategoryCode(category),
                parsedUrgency,
                parsedLevel,
                parsedDurations,
                warningRatio == null ? DeadlinePolicy.DEFAULT_WARNING_RATIO : warningRatio,
                parsedEscalation == null ? Escalation.NEXT_LEVEL : parsedEscalation,
                pauses,
                trimmed(calendarId),
                true,
                0);
    }

    private static @Nullable String trimmed(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
