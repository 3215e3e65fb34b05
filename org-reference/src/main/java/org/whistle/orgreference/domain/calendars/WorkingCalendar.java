package org.whistle.orgreference.domain.calendars;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CalendarChanged;
import org.whistle.events.CalendarChanged.DayKind;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * A working-hour calendar (工作日历): the weekdays worked, the working periods of a working day in the calendar's
 * zone, and the official schedule's dated exceptions — public holidays not worked, make-up working days (调休) worked
 * whatever their weekday. Deadlines counted in working time use {@link #plus} and {@link #between}; both walk the
 * calendar day by day in its zone, so a zone with daylight saving would be handled too (Asia/Shanghai has none).
 *
 * @param years the years whose official schedules {@code exceptions} carry
 * @param revision how many states of this calendar were published; 0 before the first
 */
public record WorkingCalendar(
        CalendarId id,
        String name,
        ZoneId zone,
        Set<DayOfWeek> workingDays,
        List<WorkingPeriod> hours,
        Set<Integer> years,
        List<DatedException> exceptions,
        boolean active,
        long revision) {

    /** The zone of every Chinese city's calendar. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** How far a search for working time looks before deciding the calendar has none: ten years of days. */
    private static final int MAX_DAYS = 3_660;

    public WorkingCalendar {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(zone);
        workingDays = workingDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(workingDays));
        hours = hours.stream().sorted(Comparator.comparing(WorkingPeriod::from)).toList();
        years = Set.copyOf(new TreeSet<>(years));
        exceptions = exceptions.stream()
                .sorted(Comparator.comparing(DatedException::date))
                .toList();
    }

    /** What is wrong with the calendar on its own, by JSON field. */
    public List<Violation> violations() {
        var violations = new ArrayList<Violation>();
        if (name.isBlank()) {
            violations.add(new Violation("name", Phrase.of("refusal.required")));
        }
        for (int i = 0; i < hours.size(); i++) {
            var period = hours.get(i);
            if (!period.from().isBefore(period.to())) {
                violations.add(new Violation(
                        "workingHours[" + i + "]",
                        Phrase.of("orgregistry.refusal.periodOrder", "period", period.toString())));
            } else if (i > 0 && period.from().isBefore(hours.get(i - 1).to())) {
                violations.add(new Violation(
                        "workingHours[" + i + "]",
                        Phrase.of("orgregistry.refusal.periodOverlap", "period", period.toString())));
            }
        }
        var dates = new HashSet<LocalDate>();
        for (var exception : exceptions) {
            if (!dates.add(exception.date())) {
                violations.add(new Violation(
                        "exceptions",
                        Phrase.of(
                                "orgregistry.refusal.oneEntryADate",
                                "date",
                                exception.date().toString())));
            }
            if (!years.contains(exception.date().getYear())) {
                violations.add(new Violation(
                        "exceptions",
                        Phrase.of(
                                "orgregistry.refusal.exceptionYear",
                                "date",
                                exception.date().toString(),
                                "years",
                                new TreeSet<>(years)
                                        .stream().map(String::valueOf).toList())));
            }
        }
        if (hours.isEmpty()
                || (workingDays.isEmpty() && exceptions.stream().noneMatch(e -> e.kind() == DayKind.WORKDAY))) {
            violations.add(new Violation("workingHours", Phrase.of("orgregistry.refusal.noWorkingTime")));
        }
        return violations;
    }

    /** Whether a date is worked: its exception says so, else its weekday. */
    public boolean isWorkingDay(LocalDate date) {
        var exception = exceptionOn(date);
        if (exception != null) {
            return exception.kind() == DayKind.WORKDAY;
        }
        return workingDays.contains(date.getDayOfWeek());
    }

    /**
     * The instant at which {@code working} working time has passed since {@code from}: time outside the working
     * periods (nights, lunch, weekends, holidays) does not count, a make-up working day does. Zero working time is
     * {@code from} itself; otherwise the result always lies inside or at the end of a working period.
     *
     * @throws IllegalStateException when the calendar holds no working time for ten years after {@code from}
     */
    public Instant plus(Instant from, Duration working) {
        if (working.isNegative()) {
            throw new IllegalArgumentException("negative working time: " + working);
        }
        if (working.isZero()) {
            return from;
        }
        var remaining = working;
        var day = LocalDate.ofInstant(from, zone);
        for (int days = 0; days < MAX_DAYS; days++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (var period : hours) {
                var start = at(day, period, true);
                var end = at(day, period, false);
                if (!end.isAfter(from)) {
                    continue;
                }
                var segmentStart = start.isBefore(from) ? from : start;
                var available = Duration.between(segmentStart, end);
                if (remaining.compareTo(available) <= 0) {
                    return segmentStart.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("calendar " + id + " has no working time after " + from);
    }

    /**
     * The working time from {@code from} to {@code to}: positive when {@code to} is later, negative (the working time
     * from {@code to} to {@code from}) when it is earlier — a deadline's remaining working time, negative once
     * overdue.
     */
    public Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        var total = Duration.ZERO;
        var last = LocalDate.ofInstant(to, zone);
        for (var day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (var period : hours) {
                var start = max(at(day, period, true), from);
                var end = min(at(day, period, false), to);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The dated exception on a date, if the schedule has one. */
    public @Nullable DatedException exceptionOn(LocalDate date) {
        // Sorted by date in the constructor: a binary search, no map to keep beside the record's components.
        int low = 0;
        int high = exceptions.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            var found = exceptions.get(middle);
            int order = found.date().compareTo(date);
            if (order == 0) {
                return found;
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return null;
    }

    public CalendarChanged toEvent() {
        return new CalendarChanged(
                id.value(),
                name,
                zone.getId(),
                workingDays.stream().sorted().toList(),
                hours.stream()
                        .map(period -> new CalendarChanged.WorkingHours(period.from(), period.to()))
                        .toList(),
                years.stream().sorted().toList(),
                exceptions.stream()
                        .map(e -> new CalendarChanged.DatedException(e.date(), e.kind(), e.name()))
                        .toList(),
                active);
    }

    /** The calendar as a consumer of {@code org-calendars} holds it. */
    public static WorkingCalendar from(CalendarChanged event, long revision) {
        ZoneId zone;
        try {
            zone = ZoneId.of(event.timeZone());
        } catch (DateTimeException e) {
            // A zone this JVM does not know must not stop the copy; Chinese calendars are all in Asia/Shanghai.
            zone = CHINA;
        }
        return new WorkingCalendar(
                new CalendarId(event.calendarId()),
                event.name(),
                zone,
                event.workingDays().isEmpty() ? Set.of() : EnumSet.copyOf(event.workingDays()),
                event.workingHours().stream()
                        .map(hours -> new WorkingPeriod(hours.from(), hours.to()))
                        .toList(),
                Set.copyOf(event.years()),
                event.exceptions().stream()
                        .map(e -> new DatedException(e.date(), e.kind(), e.name()))
                        .toList(),
                event.active(),
                revision);
    }

    public WorkingCalendar withRevision(long next) {
        return new WorkingCalendar(id, name, zone, workingDays, hours, years, exceptions, active, next);
    }

    public boolean sameFactsAs(WorkingCalendar other) {
        return equals(other.withRevision(revision));
    }

    private Instant at(LocalDate day, WorkingPeriod period, boolean start) {
        return ZonedDateTime.of(day, start ? period.from() : period.to(), zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
