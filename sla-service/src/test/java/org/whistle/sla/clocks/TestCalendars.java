package org.whistle.sla.clocks;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.whistle.events.CalendarChanged;
import org.whistle.events.CalendarChanged.DatedException;
import org.whistle.events.CalendarChanged.DayKind;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TraceIds;

/** China's 2026 official schedule (国务院办公厅, 2025-11-04) and 元旦 2027, 08:30–12:00 and 13:30–17:30, as published. */
public final class TestCalendars {

    private TestCalendars() {}

    public static List<DatedException> china2026() {
        var days = new ArrayList<DatedException>();
        holidays(days, "元旦", LocalDate.of(2026, 1, 1), 3);
        days.add(new DatedException(LocalDate.of(2026, 1, 4), DayKind.WORKDAY, "元旦调休"));
        holidays(days, "春节", LocalDate.of(2026, 2, 15), 9);
        days.add(new DatedException(LocalDate.of(2026, 2, 14), DayKind.WORKDAY, "春节调休"));
        days.add(new DatedException(LocalDate.of(2026, 2, 28), DayKind.WORKDAY, "春节调休"));
        holidays(days, "清明节", LocalDate.of(2026, 4, 4), 3);
        holidays(days, "劳动节", LocalDate.of(2026, 5, 1), 5);
        days.add(new DatedException(LocalDate.of(2026, 5, 9), DayKind.WORKDAY, "劳动节调休"));
        holidays(days, "端午节", LocalDate.of(2026, 6, 19), 3);
        holidays(days, "中秋节", LocalDate.of(2026, 9, 25), 3);
        holidays(days, "国庆节", LocalDate.of(2026, 10, 1), 7);
        days.add(new DatedException(LocalDate.of(2026, 9, 20), DayKind.WORKDAY, "国庆节调休"));
        days.add(new DatedException(LocalDate.of(2026, 10, 10), DayKind.WORKDAY, "国庆节调休"));
        holidays(days, "元旦", LocalDate.of(2027, 1, 1), 1);
        return days;
    }

    /** The calendar as org-registry publishes it on {@code org-calendars}. */
    public static EventEnvelope<CalendarChanged> calendar(
            String id, List<DatedException> exceptions, long revision, Clock clock) {
        var data = new CalendarChanged(
                id,
                "齐齐哈尔市工作日历",
                "Asia/Shanghai",
                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                List.of(
                        new CalendarChanged.WorkingHours(LocalTime.of(8, 30), LocalTime.of(12, 0)),
                        new CalendarChanged.WorkingHours(LocalTime.of(13, 30), LocalTime.of(17, 30))),
                List.of(2026, 2027),
                exceptions,
                true);
        return EventEnvelope.wrap(data, revision, "org-registry-service", TraceIds.newTraceId(), clock);
    }

    /** The exceptions without those {@code dropped} matches. */
    public static List<DatedException> without(List<DatedException> exceptions, Predicate<DatedException> dropped) {
        return exceptions.stream().filter(dropped.negate()).toList();
    }

    private static void holidays(List<DatedException> into, String name, LocalDate first, int days) {
        for (int i = 0; i < days; i++) {
            into.add(new DatedException(first.plusDays(i), DayKind.HOLIDAY, name));
        }
    }
}
