package org.whistle.sla.clocks.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.TicketState;
import org.whistle.sla.clocks.domain.ClockState;
import org.whistle.sla.clocks.domain.TicketClock;
import org.whistle.sla.clocks.domain.TicketClocks;

/** A ticket's clocks as the API shows them; {@code remaining} is frozen while paused and negative once overdue. */
record TicketClocksView(
        String whistleId,
        @Nullable String ticketId,
        @Nullable String ticketNumber,
        CommandLevel level,
        TicketState state,
        List<ClockView> clocks) {

    record ClockView(
            String clockId,
            ClockKind kind,
            @Nullable String unitId,
            int instance,
            ClockState state,
            CommandLevel startedAtLevel,
            String policy,
            Instant startedAt,
            Instant dueAt,
            @Nullable Duration remaining,
            Duration extended,
            List<ExtensionView> extensions,
            boolean warningSent,
            boolean escalated,
            @Nullable Instant stoppedAt) {

        static ClockView of(TicketClock clock, Instant now) {
            return new ClockView(
                    clock.id(),
                    clock.kind(),
                    clock.unitId(),
                    clock.instance(),
                    clock.state(),
                    clock.level(),
                    clock.policy(),
                    clock.startedAt(),
                    clock.dueAt(),
                    clock.remaining(now).orElse(null),
                    clock.extended(),
                    clock.extensions().stream().map(ExtensionView::of).toList(),
                    clock.warningSent(),
                    clock.escalated(),
                    clock.stoppedAt().orElse(null));
        }
    }

    /** An approved extension (延期): extra time as approved, for which unit, who approved it and when. */
    record ExtensionView(
            Duration extraTime,
            @Nullable String unitId,
            String approvedBy,
            @Nullable String approvedByUnit,
            Instant approvedAt) {

        static ExtensionView of(TicketClock.Extension extension) {
            return new ExtensionView(
                    extension.extraTime(),
                    extension.unitId(),
                    extension.approvedBy(),
                    extension.approvedByUnit(),
                    extension.approvedAt());
        }
    }

    static TicketClocksView of(TicketClocks sheet, Instant now) {
        return new TicketClocksView(
                sheet.whistleId(),
                sheet.ticketId().orElse(null),
                sheet.ticketNumber().orElse(null),
                sheet.level(),
                sheet.state(),
                sheet.clocks().stream().map(clock -> ClockView.of(clock, now)).toList());
    }
}
