package org.whistle.orgregistry.deadlines.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.whistle.orgreference.domain.deadlines.DeadlinePolicy;
import org.whistle.orgregistry.deadlines.DeadlinePolicyDraft;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

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
        if (pathId != null && policyId != null && !policyId.equals(pathId)) {
            throw InvalidInputException.of("policyId", Phrase.of("orgregistry.refusal.differsFromPath"));
        }
        var id = pathId != null
                ? pathId
                : policyId == null || policyId.isBlank() ? "P-" + UUID.randomUUID() : policyId.trim();
        return new DeadlinePolicyDraft(
                        id, categoryCode, urgency, level, durations, warningRatio, escalation, pauseWhen, calendarId)
                .toPolicy();
    }
}
