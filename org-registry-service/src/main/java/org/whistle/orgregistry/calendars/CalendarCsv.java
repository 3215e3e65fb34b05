package org.whistle.orgregistry.calendars;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CalendarChanged.DayKind;
import org.whistle.orgreference.domain.calendars.CalendarId;
import org.whistle.orgreference.domain.calendars.DatedException;
import org.whistle.orgreference.domain.calendars.WorkingCalendar;
import org.whistle.orgreference.domain.calendars.WorkingPeriod;
import org.whistle.orgregistry.bounds.Enums;
import org.whistle.orgregistry.importing.CsvTable;
import org.whistle.orgregistry.importing.ImportErrors;
import org.whistle.orgregistry.importing.ImportRow;
import org.whistle.texts.Phrase;

/**
 * The two calendar files (docs/org-data-formats.md): {@code calendars.csv} (one calendar per row: id, name, zone,
 * working days, working hours) and a year's official schedule ({@code date,kind,name}; kind {@code HOLIDAY} or 休,
 * {@code WORKDAY} or 班). Every bad cell is reported with its row and column; nothing of a bad file is used.
 */
public final class CalendarCsv {

    static final List<String> DEFINITION_COLUMNS =
            List.of("calendar_id", "name", "time_zone", "working_days", "working_hours");
    static final List<String> SCHEDULE_COLUMNS = List.of("date", "kind", "name");

    private CalendarCsv() {}

    static List<WorkingCalendar> definitions(String fileName, InputStream csv) {
        var errors = new ImportErrors();
        var calendars = new ArrayList<WorkingCalendar>();
        var ids = new HashSet<String>();
        for (var row : CsvTable.read(fileName, csv, DEFINITION_COLUMNS).rows()) {
            var calendar = definition(row, errors);
            if (calendar != null) {
                if (!ids.add(calendar.id().value())) {
                    errors.add(row.error("calendar_id", Phrase.of("orgregistry.refusal.importDuplicate")));
                }
                for (var violation : calendar.violations()) {
                    errors.add(row.error(ImportRow.columnOf(violation.field()), violation));
                }
                calendars.add(calendar);
            }
        }
        errors.throwIfAny();
        return calendars;
    }

    static List<DatedException> yearSchedule(String fileName, InputStream csv, int year) {
        var errors = new ImportErrors();
        var days = new ArrayList<DatedException>();
        var dates = new HashSet<java.time.LocalDate>();
        for (var row : CsvTable.read(fileName, csv, SCHEDULE_COLUMNS).rows()) {
            var date = row.requiredDate("date", errors);
            var kind = kind(row, errors);
            if (date != null && date.getYear() != year) {
                errors.add(
                        row.error("date", Phrase.of("orgregistry.refusal.dateInYear", "year", Integer.toString(year))));
                continue;
            }
            if (date != null && !dates.add(date)) {
                errors.add(row.error("date", Phrase.of("orgregistry.refusal.oneEntryADate", "date", date.toString())));
                continue;
            }
            var name = row.optional("name");
            if (name != null && name.length() > 50) {
                errors.add(row.error("name", Phrase.of("refusal.atMostCharacters", "max", 50)));
                continue;
            }
            if (date != null && kind != null) {
                days.add(new DatedException(date, kind, name));
            }
        }
        errors.throwIfAny();
        return days;
    }

    private static @Nullable DayKind kind(ImportRow row, ImportErrors errors) {
        var value = row.required("kind", errors);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "HOLIDAY", "休" -> DayKind.HOLIDAY;
            case "WORKDAY", "班" -> DayKind.WORKDAY;
            default -> {
                errors.add(row.error("kind", Phrase.of("orgregistry.refusal.dayKind")));
                yield null;
            }
        };
    }

    private static @Nullable WorkingCalendar definition(ImportRow row, ImportErrors errors) {
        var id = row.required("calendar_id", errors);
        var name = row.required("name", errors);
        var zoneName = row.optional("time_zone");
        ZoneId zone = WorkingCalendar.CHINA;
        boolean ok = id != null && name != null;
        if (id != null && id.length() > 64) {
            errors.add(row.error("calendar_id", Phrase.of("refusal.atMostCharacters", "max", 64)));
            ok = false;
        }
        if (name != null && name.length() > 100) {
            errors.add(row.error("name", Phrase.of("refusal.atMostCharacters", "max", 100)));
            ok = false;
        }
        if (zoneName != null) {
            try {
                zone = ZoneId.of(zoneName);
            } catch (DateTimeException e) {
                errors.add(
                        row.error("time_zone", Phrase.of("orgregistry.refusal.timeZone", "example", "Asia/Shanghai")));
                ok = false;
            }
        }
        var days = parseDays(row.list("working_days"), row, errors);
        var hours = parseHours(row.list("working_hours"), row, errors);
        if (days == null || hours == null || !ok) {
            return null;
        }
        return new WorkingCalendar(new CalendarId(id), name, zone, days, hours, Set.of(), List.of(), true, 0);
    }

    static @Nullable Set<DayOfWeek> parseDays(List<String> names, ImportRow row, ImportErrors errors) {
        var days = EnumSet.noneOf(DayOfWeek.class);
        for (var name : names) {
            try {
                days.add(DayOfWeek.valueOf(name));
            } catch (IllegalArgumentException e) {
                errors.add(
                        row.error("working_days", Phrase.of("refusal.oneOf", "choices", Enums.names(DayOfWeek.class))));
                return null;
            }
        }
        return days;
    }

    /** Periods written {@code 08:30-12:00}. */
    static @Nullable List<WorkingPeriod> parseHours(List<String> periods, ImportRow row, ImportErrors errors) {
        var hours = new ArrayList<WorkingPeriod>();
        for (var period : periods) {
            var period0 = period(period);
            if (period0 == null) {
                errors.add(
                        row.error("working_hours", Phrase.of("orgregistry.refusal.period", "example", "08:30-12:00")));
                return null;
            }
            hours.add(period0);
        }
        return hours;
    }

    /** A period written {@code 08:30-12:00}, or null when the text is not one. */
    public static @Nullable WorkingPeriod period(String text) {
        var ends = text.split("-");
        if (ends.length != 2) {
            return null;
        }
        try {
            return new WorkingPeriod(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
