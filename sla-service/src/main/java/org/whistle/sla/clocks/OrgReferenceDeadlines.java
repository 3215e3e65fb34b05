package org.whistle.sla.clocks;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.whistle.events.CategoryChanged;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.Urgency;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.orgreference.domain.calendars.WorkingCalendar;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.deadlines.PauseCondition;
import org.whistle.sla.clocks.domain.ClockPolicy;
import org.whistle.sla.clocks.domain.Deadlines;
import org.whistle.sla.clocks.domain.DefaultDeadlines;

/**
 * Deadlines from the organisation's deadline policies (the org-reference copy), most specific first, compressed by
 * the time scale. Where no policy applies, or a policy lacks a clock, the design's defaults fill in — said once per
 * case in the log, so a missing policy is noticed rather than silently papered over.
 */
public final class OrgReferenceDeadlines implements Deadlines {

    private static final Logger log = LoggerFactory.getLogger(OrgReferenceDeadlines.class);

    private final OrgReferenceCopy copy;
    private final double timeScale;
    private final Duration closedRetention;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public OrgReferenceDeadlines(OrgReferenceCopy copy, double timeScale, Duration closedRetention) {
        this.copy = copy;
        this.timeScale = timeScale;
        this.closedRetention = closedRetention;
    }

    @Override
    public ClockPolicy policyFor(@Nullable String category, Urgency urgency, CommandLevel level) {
        // A code the catalogue could not hold matches only policies for any category, rather than failing the clock.
        var categoryCode = category != null && CategoryCode.isWellFormed(category) ? category : null;
        var handlingClass = categoryCode == null
                ? null
                : copy.category(categoryCode)
                        .map(CategoryChanged::handlingClass)
                        .orElse(null);
        var defaults = DefaultDeadlines.durations(urgency, handlingClass);
        var match = copy.deadlinePolicy(categoryCode, urgency, level);
        if (match.isEmpty()) {
            once(
                    "none:" + categoryCode + ":" + urgency + ":" + level,
                    "No deadline policy for category {} × {} × {}: running the design's §5 defaults",
                    categoryCode,
                    urgency,
                    level);
            return DefaultDeadlines.policy(compress(defaults));
        }
        var policy = match.get().policy();
        var durations = new EnumMap<ClockKind, Duration>(ClockKind.class);
        for (var kind : ClockKind.values()) {
            var duration = policy.durations().get(kind);
            if (duration == null || duration.isNegative() || duration.isZero()) {
                once(
                        "gap:" + policy.id() + ":" + kind,
                        "Deadline policy {} has no usable {} duration: running the design's §5 default",
                        policy.id(),
                        kind);
                duration = defaults.get(kind);
            }
            durations.put(kind, duration);
        }
        var ratio = policy.warningRatio() > 0 && policy.warningRatio() < 1
                ? policy.warningRatio()
                : DefaultDeadlines.WARNING_RATIO;
        return new ClockPolicy(
                policy.id().value(),
                compress(durations),
                ratio,
                policy.escalation(),
                policy.pauseWhen().contains(PauseCondition.SUSPENDED),
                policy.pauseWhen().contains(PauseCondition.EXTENSION),
                policy.calendarId());
    }

    @Override
    public Optional<WorkingCalendar> calendar(String calendarId) {
        var calendar = copy.calendar(calendarId);
        if (calendar.isEmpty() || !calendar.get().active()) {
            once(
                    "calendar:" + calendarId,
                    "Working-hour calendar {} is not known or not active: its clocks count round the clock",
                    calendarId);
        }
        return calendar;
    }

    @Override
    public Map<String, Long> calendarRevisions() {
        return copy.calendarRevisions();
    }

    @Override
    public Duration compress(Duration policyTime) {
        return Duration.ofMillis(Math.max(1, Math.round(policyTime.toMillis() / timeScale)));
    }

    @Override
    public Optional<String> filingCentre(@Nullable String gridId, @Nullable String streetId) {
        // The grid places the whistle; its street answers when the copy does not know the grid.
        for (var node : java.util.Arrays.asList(gridId, streetId)) {
            if (node == null) {
                continue;
            }
            var centre = copy.commandCentre(node, CommandLevel.STREET)
                    .or(() -> copy.commandCentre(node, CommandLevel.DISTRICT))
                    .or(() -> copy.commandCentre(node, CommandLevel.CITY));
            if (centre.isPresent()) {
                return centre.map(OrgUnitChanged::unitId);
            }
        }
        return Optional.empty();
    }

    @Override
    public Duration closedRetention() {
        return closedRetention;
    }

    private Map<ClockKind, Duration> compress(Map<ClockKind, Duration> durations) {
        var compressed = new EnumMap<ClockKind, Duration>(ClockKind.class);
        durations.forEach((kind, duration) -> compressed.put(kind, compress(duration)));
        return compressed;
    }

    private void once(String key, String message, @Nullable Object... arguments) {
        if (reported.add(key)) {
            log.info(message, arguments);
        }
    }
}
