package org.whistle.orgregistry.calendars.web;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CalendarChanged.DayKind;
import org.whistle.orgreference.domain.calendars.CalendarId;
import org.whistle.orgreference.domain.calendars.DatedException;
import org.whistle.orgreference.domain.calendars.WorkingCalendar;
import org.whistle.orgreference.domain.calendars.WorkingPeriod;
import org.whistle.orgregistry.bounds.Enums;
import org.whistle.orgregistry.calendars.CalendarCsv;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * A working-hour calendar as an administrator writes it: working days ({@code MONDAY} …), working hours
 * ({@code "08:30-12:00"}), the years whose schedules it carries and its dated exceptions. An absent time zone means
 * Asia/Shanghai, absent working days Monday to Friday.
 */
record CalendarRequest(
        @Nullable String calendarId,
        @Nullable String name,
        @Nullable String timeZone,
        @Nullable List<String> workingDays,
        @Nullable List<String> workingHours,
        @Nullable List<Integer> years,
        @Nullable List<Day> exceptions) {

    /** One dated exception: {@code kind} HOLIDAY (休) or WORKDAY (班). */
    record Day(
            @Nullable String date,
            @Nullable String kind,
            @Nullable String name) {}

    static final int MAX_EXCEPTIONS = 400;

    WorkingCalendar toCalendar(@Nullable String pathId) {
        var violations = new ArrayList<Violation>();
        var id = pathId != null ? pathId : calendarId == null ? "" : calendarId.trim();
        if (pathId != null && calendarId != null && !calendarId.equals(pathId)) {
            violations.add(new Violation("calendarId", Phrase.of("orgregistry.refusal.differsFromPath")));
        } else if (id.isBlank() || id.length() > 64) {
            violations.add(new Violation("calendarId", Phrase.of("orgregistry.refusal.calendarId")));
        }
        var zone = WorkingCalendar.CHINA;
        if (timeZone != null && !timeZone.isBlank()) {
            try {
                zone = ZoneId.of(timeZone.trim());
            } catch (DateTimeException e) {
                violations.add(new Violation(
                        "timeZone", Phrase.of("orgregistry.refusal.timeZone", "example", "Asia/Shanghai")));
            }
        }
        if (name != null && name.length() > 100) {
            violations.add(new Violation("name", Phrase.of("refusal.atMostCharacters", "max", 100)));
        }
        var days = EnumSet.noneOf(DayOfWeek.class);
        if (workingDays == null) {
            days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        } else {
            for (int i = 0; i < workingDays.size(); i++) {
                var day = Enums.optional("workingDays[" + i + "]", workingDays.get(i), DayOfWeek.class, violations);
                if (day != null) {
                    days.add(day);
                }
            }
        }
        var hours = new ArrayList<WorkingPeriod>();
        var periods = workingHours == null ? List.<String>of() : workingHours;
        for (int i = 0; i < periods.size(); i++) {
            var period = periods.get(i) == null ? null : CalendarCsv.period(periods.get(i));
            if (period == null) {
                violations.add(new Violation(
                        "workingHours[" + i + "]", Phrase.of("orgregistry.refusal.period", "example", "08:30-12:00")));
            } else {
                hours.add(period);
            }
        }
        var loaded = new HashSet<Integer>();
        for (var year : years == null ? List.<Integer>of() : years) {
            if (year == null || year < 1900 || year > 9999) {
                violations.add(new Violation("years", Phrase.of("refusal.between", "min", 1900, "max", 9999)));
            } else {
                loaded.add(year);
            }
        }
        var dated = new ArrayList<DatedException>();
        var given = exceptions == null ? List.<Day>of() : exceptions;
        if (given.size() > MAX_EXCEPTIONS) {
            violations.add(new Violation("exceptions", Phrase.of("refusal.atMostItems", "max", MAX_EXCEPTIONS)));
            given = List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            var day = given.get(i);
            var field = "exceptions[" + i + "]";
            LocalDate date = null;
            try {
                date = day == null || day.date() == null ? null : LocalDate.parse(day.date());
            } catch (DateTimeParseException e) {
                date = null;
            }
            if (date == null) {
                violations.add(
                        new Violation(field + ".date", Phrase.of("orgregistry.refusal.date", "example", "2026-10-01")));
            }
            var kind = day == null ? null : Enums.required(field + ".kind", day.kind(), DayKind.class, violations);
            if (day != null && day.name() != null && day.name().length() > 50) {
                violations.add(new Violation(field + ".name", Phrase.of("refusal.atMostCharacters", "max", 50)));
            }
            if (date != null && kind != null) {
                dated.add(new DatedException(date, kind, day.name()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        // The calendar's own rules (hours in order, every date in a loaded year …) are checked when it is saved.
        return new WorkingCalendar(
                new CalendarId(id), name == null ? "" : name.trim(), zone, days, hours, loaded, dated, true, 0);
    }
}
