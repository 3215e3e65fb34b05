package org.whistle.orgreference.domain.deadlines;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.DeadlinePolicyChanged;
import org.whistle.events.DeadlinePolicyChanged.Escalation;
import org.whistle.events.Urgency;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.problems.Violation;

/**
 * How long each clock runs for whistles of a category (a 小类, a 大类 meaning all its 小类, or null for any) and an
 * urgency, at a command level (or null for any); when to warn, where an expired clock escalates, what pauses the
 * clocks, and the working-hour calendar (null: round the clock).
 *
 * @param warningRatio the share of a clock after which a warning goes out, strictly between 0 and 1
 * @param revision how many states of this policy were published; 0 before the first
 */
public record DeadlinePolicy(
        PolicyId id,
        @Nullable CategoryCode category,
        Urgency urgency,
        @Nullable CommandLevel level,
        Map<ClockKind, Duration> durations,
        double warningRatio,
        Escalation escalation,
        Set<PauseCondition> pauseWhen,
        @Nullable String calendarId,
        boolean active,
        long revision) {

    public static final double DEFAULT_WARNING_RATIO = 0.8;

    public DeadlinePolicy {
        Objects.requireNonNull(id);
        Objects.requireNonNull(urgency);
        Objects.requireNonNull(escalation);
        durations = durations.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(durations));
        pauseWhen = pauseWhen.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(pauseWhen));
    }

    /** What is wrong with the policy on its own, by JSON field: a clock missing or not positive, a bad ratio. */
    public List<Violation> violations() {
        var violations = new ArrayList<Violation>();
        for (var clock : ClockKind.values()) {
            var duration = durations.get(clock);
            if (duration == null) {
                violations.add(new Violation("durations." + clock, "is required"));
            } else if (duration.isNegative() || duration.isZero()) {
                violations.add(new Violation("durations." + clock, "must be positive"));
            }
        }
        if (!(warningRatio > 0 && warningRatio < 1)) {
            violations.add(new Violation("warningRatio", "must be between 0 and 1, both excluded"));
        }
        return violations;
    }

    /** Whether the two policies compete for the same whistles: same category, urgency and level. */
    public boolean sameKeyAs(DeadlinePolicy other) {
        return Objects.equals(category, other.category) && urgency == other.urgency && level == other.level;
    }

    public boolean sameFactsAs(DeadlinePolicy other) {
        return equals(other.withRevision(revision));
    }

    public DeadlinePolicy withRevision(long next) {
        return new DeadlinePolicy(
                id, category, urgency, level, durations, warningRatio, escalation, pauseWhen, calendarId, active, next);
    }

    public DeadlinePolicy withActive(boolean nowActive) {
        return new DeadlinePolicy(
                id,
                category,
                urgency,
                level,
                durations,
                warningRatio,
                escalation,
                pauseWhen,
                calendarId,
                nowActive,
                revision);
    }

    public DeadlinePolicyChanged toEvent() {
        return new DeadlinePolicyChanged(
                id.value(),
                category == null ? null : category.value(),
                urgency,
                level,
                new EnumMap<>(durations),
                warningRatio,
                calendarId,
                active,
                escalation,
                pauseWhen.stream().sorted().map(Enum::name).toList());
    }

    /** The policy as a consumer of {@code org-rules} holds it; pause reasons it does not know are ignored. */
    public static DeadlinePolicy from(DeadlinePolicyChanged event, long revision) {
        var pauses = EnumSet.noneOf(PauseCondition.class);
        for (var name : event.pauseWhen()) {
            for (var condition : PauseCondition.values()) {
                if (condition.name().equals(name)) {
                    pauses.add(condition);
                }
            }
        }
        return new DeadlinePolicy(
                new PolicyId(event.policyId()),
                event.categoryCode() == null ? null : new CategoryCode(event.categoryCode()),
                event.urgency(),
                event.level(),
                event.durations(),
                event.warningRatio(),
                event.escalation(),
                pauses,
                event.calendarId(),
                event.active(),
                revision);
    }
}
