package org.whistle.sla.clocks.domain;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.DeadlinePolicyChanged.Escalation;
import org.whistle.events.Urgency;

/** The design's default deadlines (§5), used where no deadline policy covers a ticket. */
public final class DefaultDeadlines {

    public static final String SOURCE = "design-defaults";
    public static final double WARNING_RATIO = 0.8;

    private DefaultDeadlines() {}

    /**
     * The §5 defaults for an urgency; the resolve clock follows the category's handling class when known (2 h
     * emergency, 24 h utilities, 7 d general, 15 d complex) and is 2 h for urgent whistles.
     */
    public static Map<ClockKind, Duration> durations(Urgency urgency, @Nullable String handlingClass) {
        boolean urgent = urgency == Urgency.URGENT;
        var durations = new EnumMap<ClockKind, Duration>(ClockKind.class);
        durations.put(ClockKind.FILE, urgent ? Duration.ofMinutes(30) : Duration.ofHours(2));
        durations.put(ClockKind.REPORT_IN, urgent ? Duration.ofMinutes(30) : Duration.ofHours(2));
        durations.put(ClockKind.CONTACT_REPORTER, urgent ? Duration.ofHours(2) : Duration.ofHours(24));
        durations.put(ClockKind.RESOLVE, urgent ? Duration.ofHours(2) : resolve(handlingClass));
        durations.put(ClockKind.VERIFY, Duration.ofHours(24));
        durations.put(ClockKind.FOLLOW_UP, Duration.ofHours(72));
        return durations;
    }

    /** The defaults as rules: warn at 80 %, escalate one level, pause while suspended, honour extensions. */
    public static ClockPolicy policy(Map<ClockKind, Duration> compressedDurations) {
        return new ClockPolicy(SOURCE, compressedDurations, WARNING_RATIO, Escalation.NEXT_LEVEL, true, true, null);
    }

    private static Duration resolve(@Nullable String handlingClass) {
        if (handlingClass == null) {
            return Duration.ofDays(7);
        }
        return switch (handlingClass) {
            case "EMERGENCY" -> Duration.ofHours(2);
            case "UTILITIES" -> Duration.ofHours(24);
            case "COMPLEX" -> Duration.ofDays(15);
            default -> Duration.ofDays(7);
        };
    }
}
