package org.whistle.sla.clocks.web;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.TicketState;
import org.whistle.sla.clocks.domain.Calendars;
import org.whistle.sla.clocks.domain.ClockState;
import org.whistle.sla.clocks.domain.TicketClock;
import org.whistle.sla.clocks.domain.TicketClocks;
import org.whistle.texts.Catalogue;

/**
 * A ticket's clocks as the API shows them; {@code remaining} (wall-clock time to the due time) is frozen while paused
 * and negative once overdue. A clock counted in working time also shows its remaining working time, and its due time
 * in Beijing time; a clock whose calendar is unknown counts round the clock and says so in {@code note}.
 */
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
            OffsetDateTime dueAtBeijing,
            @Nullable Duration remaining,
            CountedIn countedIn,
            @Nullable String calendarId,
            @Nullable Duration remainingWorkingTime,
            @Nullable String note,
            Duration extended,
            List<ExtensionView> extensions,
            boolean warningSent,
            boolean escalated,
            @Nullable Instant stoppedAt) {

        static ClockView of(TicketClock clock, Instant now, Calendars calendars) {
            var calendarId = clock.calendarId().orElse(null);
            var working = calendarId != null && clock.calendarKnown();
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
                    clock.dueAt().atZone(BEIJING).toOffsetDateTime(),
                    clock.remaining(now).orElse(null),
                    working ? CountedIn.WORKING_TIME : CountedIn.ROUND_THE_CLOCK,
                    calendarId,
                    working ? clock.remainingCounted(now, calendars).orElse(null) : null,
                    calendarId != null && !working ? calendarNote(calendarId, calendars) : null,
                    clock.extended(),
                    clock.extensions().stream().map(ExtensionView::of).toList(),
                    clock.warningSent(),
                    clock.escalated(),
                    clock.stoppedAt().orElse(null));
        }
    }

    /**
     * Why a clock counts round the clock although its policy names a calendar: the calendar by its name when the copy
     * knows it (stopped), in words when it was never published — never by its id.
     */
    private static String calendarNote(String calendarId, Calendars calendars) {
        return calendars
                .calendar(calendarId)
                .map(calendar -> NOTES.text("sla.note.calendarInactive", Map.of("calendar", calendar.name())))
                .orElseGet(() -> NOTES.text("sla.note.calendarUnknown"));
    }

    /** Notes are written in the default language, as every text the clocks API gives people. */
    private static final Catalogue NOTES = Catalogue.chinese();

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

    /** How a clock counts: in its calendar's working time, or every hour. */
    enum CountedIn {
        WORKING_TIME,
        ROUND_THE_CLOCK
    }

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    static TicketClocksView of(TicketClocks sheet, Instant now, Calendars calendars) {
        return new TicketClocksView(
                sheet.whistleId(),
                sheet.ticketId().orElse(null),
                sheet.ticketNumber().orElse(null),
                sheet.level(),
                sheet.state(),
                sheet.clocks().stream()
                        .map(clock -> ClockView.of(clock, now, calendars))
                        .toList());
    }
}
