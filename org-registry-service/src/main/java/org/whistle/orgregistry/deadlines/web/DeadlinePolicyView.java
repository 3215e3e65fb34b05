package org.whistle.orgregistry.deadlines.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.orgreference.domain.deadlines.DeadlinePolicy;

/** A deadline policy as the API shows it; durations in ISO-8601, by clock. */
record DeadlinePolicyView(
        String policyId,
        @Nullable String categoryCode,
        String urgency,
        @Nullable String level,
        Map<String, String> durations,
        double warningRatio,
        String escalation,
        List<String> pauseWhen,
        @Nullable String calendarId,
        boolean active,
        long revision) {

    static DeadlinePolicyView of(DeadlinePolicy policy) {
        var durations = new LinkedHashMap<String, String>();
        for (var clock : ClockKind.values()) {
            var duration = policy.durations().get(clock);
            if (duration != null) {
                durations.put(clock.name(), duration.toString());
            }
        }
        return new DeadlinePolicyView(
                policy.id().value(),
                policy.category() == null ? null : policy.category().value(),
                policy.urgency().name(),
                policy.level() == null ? null : policy.level().name(),
                durations,
                policy.warningRatio(),
                policy.escalation().name(),
                policy.pauseWhen().stream().sorted().map(Enum::name).toList(),
                policy.calendarId(),
                policy.active(),
                policy.revision());
    }
}
