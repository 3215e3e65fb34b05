package org.whistle.dispatch.ticket.domain;

import java.time.Duration;
import java.util.Set;
import org.whistle.events.ClockKind;
import org.whistle.texts.Phrase;

/**
 * How much extra time (延期) a unit may ask for: only on the clocks it runs after reporting in (contact reporter,
 * resolve), at most {@code maxPerTask} requests per task (pending and approved count; refused ones do not), each of
 * at most {@code maxExtraTime}, and one pending request at a time. The values come from the deadline policy.
 */
public record ExtensionPolicy(int maxPerTask, Duration maxExtraTime) {

    private static final Set<ClockKind> UNIT_CLOCKS = Set.of(ClockKind.CONTACT_REPORTER, ClockKind.RESOLVE);

    public ExtensionPolicy {
        if (maxPerTask < 0 || maxExtraTime.isNegative()) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }

    /**
     * @param counted the task's pending and approved requests so far
     * @param pending whether one of them is still pending
     */
    public Decision check(ClockKind clock, Duration extraTime, int counted, boolean pending) {
        if (!UNIT_CLOCKS.contains(clock)) {
            return Decision.rejected(
                    "clock",
                    Phrase.of(
                            "dispatch.refusal.extension.clock",
                            "clocks",
                            UNIT_CLOCKS.stream()
                                    .sorted()
                                    .map(kind -> Phrase.name("clock", kind))
                                    .toList()));
        }
        if (extraTime.isNegative() || extraTime.isZero()) {
            return Decision.rejected("extraTime", Phrase.of("dispatch.refusal.extension.positive"));
        }
        if (extraTime.compareTo(maxExtraTime) > 0) {
            return Decision.rejected("extraTime", Phrase.of("dispatch.refusal.extension.atMost", "max", maxExtraTime));
        }
        if (pending) {
            return Decision.rejected("clock", Phrase.of("dispatch.refusal.extension.pending"));
        }
        if (counted >= maxPerTask) {
            return Decision.rejected("clock", Phrase.of("dispatch.refusal.extension.perTask", "max", maxPerTask));
        }
        return Decision.ALLOWED;
    }
}
