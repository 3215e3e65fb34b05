package org.whistle.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The current state of one working-hour calendar (工作日历): which weekdays are working days, the working hours of a
 * working day in the calendar's time zone, and the dated exceptions of the official holiday schedules — a public
 * holiday (法定节假日) that is not worked, or a make-up working day (调休上班) on a weekend. Deadline policies name a
 * calendar ({@link DeadlinePolicyChanged#calendarId()}) to count their clocks in working time.
 *
 * @param timeZone an IANA zone id, {@code Asia/Shanghai} for every Chinese city
 * @param workingDays the weekdays worked when no exception says otherwise (Monday to Friday)
 * @param workingHours the working periods of a working day, in order and not overlapping (e.g. 08:30–12:00,
 *     13:30–17:30)
 * @param years the years whose official schedules the exceptions carry; a date in another year follows the
 *     weekdays alone
 * @param exceptions the dated exceptions, one per date
 */
public record CalendarChanged(
        String calendarId,
        String name,
        String timeZone,
        List<DayOfWeek> workingDays,
        List<WorkingHours> workingHours,
        List<Integer> years,
        List<DatedException> exceptions,
        boolean active)
        implements ReferenceEvent {

    @Override
    public String key() {
        return calendarId;
    }

    /** One working period of a working day, from its start (included) to its end (excluded), local time. */
    public record WorkingHours(LocalTime from, LocalTime to) {}

    /** A date the official schedule treats otherwise than its weekday, with the holiday's name when it has one. */
    public record DatedException(
            LocalDate date, DayKind kind, @Nullable String name) {}

    /** What a dated exception makes of its date. */
    public enum DayKind {
        /** 放假: not a working day, whatever its weekday. */
        HOLIDAY,
        /** 调休上班: a working day, whatever its weekday. */
        WORKDAY
    }
}
