package org.whistle.sla.clocks.domain;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.DeadlinePolicyChanged.Escalation;

/**
 * The deadline rules a clock starts under, already compressed by the time scale: how long each clock runs, when it
 * warns, where it escalates, and what holds it. A clock keeps the rules it started with, so a policy change never
 * moves a running deadline.
 *
 * @param source the policy's id, or {@code design-defaults} when no policy applies
 * @param calendarId the working-hour calendar the clocks count in; absent: round the clock (e.g. 24 h emergencies)
 */
public record ClockPolicy(
        String source,
        Map<ClockKind, Duration> durations,
        double warningRatio,
        Escalation escalation,
        boolean pausesWhenSuspended,
        boolean extendable,
        @Nullable String calendarId) {

    public ClockPolicy {
        durations = Map.copyOf(durations);
    }

    public Duration duration(ClockKind kind) {
        var duration = durations.get(kind);
        if (duration == null) {
            throw new IllegalStateException("policy " + source + " has no duration for " + kind);
        }
        return duration;
    }
}
