package org.whistle.orgregistry.calendars.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CalendarChanged.DayKind;
import org.whistle.orgreference.domain.calendars.WorkingCalendar;

/** A working-hour calendar as the API shows it; hours as {@code "08:30-12:00"}. */
record CalendarView(
        String calendarId,
        String name,
        String timeZone,
        List<DayOfWeek> workingDays,
        List<String> workingHours,
        List<Integer> years,
        List<Day> exceptions,
        boolean active,
        long revision) {

    record Day(LocalDate date, DayKind kind, @Nullable String name) {}

    static CalendarView of(WorkingCalendar calendar) {
        return new CalendarView(
                calendar.id().value(),
                calendar.name(),
                calendar.zone().getId(),
                calendar.workingDays().stream().sorted().toList(),
                calendar.hours().stream()
                        .map(period -> period.from() + "-" + period.to())
                        .toList(),
                calendar.years().stream().sorted().toList(),
                calendar.exceptions().stream()
                        .map(day -> new Day(day.date(), day.kind(), day.name()))
                        .toList(),
                calendar.active(),
                calendar.revision());
    }
}
