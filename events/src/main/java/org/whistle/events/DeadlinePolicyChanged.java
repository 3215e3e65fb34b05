package org.whistle.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The current state of one deadline policy (design §5): clock durations for a category × urgency × level, the
 * warning ratio, where an expired clock escalates, what pauses the clocks, and an optional working-hour calendar.
 * An absent category or level matches any.
 *
 * @param pauseWhen what stops the clocks: {@code SUSPENDED} (挂账) and/or {@code EXTENSION} (an approved 延期); strings
 *     so a new pause reason needs no contract version
 */
public record DeadlinePolicyChanged(
        String policyId,
        @Nullable String categoryCode,
        Urgency urgency,
        @Nullable CommandLevel level,
        Map<ClockKind, Duration> durations,
        double warningRatio,
        @Nullable String calendarId,
        boolean active,
        Escalation escalation,
        List<String> pauseWhen)
        implements ReferenceEvent {

    @Override
    public String key() {
        return policyId;
    }

    /** Where a ticket goes when one of its clocks expires. */
    public enum Escalation {
        /** One command level up: street → district → city. */
        NEXT_LEVEL,
        /** Straight to the city command centre. */
        CITY
    }
}
