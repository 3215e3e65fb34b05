package org.whistle.events;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The current state of one deadline policy (design §5): clock durations for a category × urgency × level, the
 * warning ratio, and an optional working-hour calendar. An absent category or level matches any.
 */
public record DeadlinePolicyChanged(
        String policyId,
        @Nullable String categoryCode,
        Urgency urgency,
        @Nullable CommandLevel level,
        Map<ClockKind, Duration> durations,
        double warningRatio,
        @Nullable String calendarId,
        boolean active)
        implements ReferenceEvent {

    @Override
    public String key() {
        return policyId;
    }
}
