package org.whistle.orgregistry.calendars;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.orgreference.domain.calendars.CalendarId;
import org.whistle.orgreference.domain.calendars.DatedException;
import org.whistle.orgreference.domain.calendars.WorkingCalendar;
import org.whistle.orgregistry.audit.AuditLog;
import org.whistle.orgregistry.importing.ImportSummary;
import org.whistle.orgregistry.importing.ImportSummary.Saved;
import org.whistle.orgregistry.publishing.ReferencePublisher;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.texts.Phrase;

/**
 * Creating, changing and retiring working-hour calendars, and importing one year of the official holiday schedule
 * into one: each change audited and published on {@code org-calendars} with the calendar's next revision, in the
 * caller's transaction.
 */
@Component
public class ManagingCalendars {

    static final String SUBJECT = "calendar";

    private final Calendars calendars;
    private final AuditLog audit;
    private final ReferencePublisher publisher;

    ManagingCalendars(Calendars calendars, AuditLog audit, ReferencePublisher publisher) {
        this.calendars = calendars;
        this.audit = audit;
        this.publisher = publisher;
    }

    @Transactional
    public WorkingCalendar create(WorkingCalendar draft) {
        if (calendars.find(draft.id()).isPresent()) {
            throw new ConflictException(Phrase.of("orgregistry.refusal.calendarExists"));
        }
        save(draft);
        return calendars.find(draft.id()).orElseThrow();
    }

    /** Replaces a calendar's facts (its days too); whether it is active stays as it is. */
    @Transactional
    public WorkingCalendar change(WorkingCalendar draft) {
        var current = find(draft.id());
        save(withActive(draft, current.active()));
        return calendars.find(draft.id()).orElseThrow();
    }

    @Transactional
    public WorkingCalendar retire(CalendarId id) {
        save(withActive(find(id), false));
        return calendars.find(id).orElseThrow();
    }

    /**
     * Replaces one year's dated exceptions with those of a schedule file ({@code date,kind,name}) and marks the year
     * loaded; other years stay. A repeated import changes and publishes nothing.
     */
    @Transactional
    public ImportSummary importYear(CalendarId id, int year, String fileName, InputStream csv) {
        var current = find(id);
        var days = CalendarCsv.yearSchedule(fileName, csv, year);
        var before = current.exceptions().stream()
                .filter(day -> day.date().getYear() == year)
                .toList();
        var exceptions = new ArrayList<DatedException>(current.exceptions().stream()
                .filter(day -> day.date().getYear() != year)
                .toList());
        exceptions.addAll(days);
        var years = new HashSet<>(current.years());
        years.add(year);
        save(new WorkingCalendar(
                current.id(),
                current.name(),
                current.zone(),
                current.workingDays(),
                current.hours(),
                years,
                exceptions,
                current.active(),
                current.revision()));
        var outcomes = new ArrayList<Saved>();
        for (var day : days) {
            var old = before.stream()
                    .filter(held -> held.date().equals(day.date()))
                    .findFirst();
            outcomes.add(
                    old.isEmpty() ? Saved.CREATED : Objects.equals(old.get(), day) ? Saved.UNCHANGED : Saved.UPDATED);
        }
        return ImportSummary.of(fileName, outcomes);
    }

    /**
     * Stores the calendar, audits and publishes it with the next revision, unless the stored state has the same
     * facts; a calendar breaking its own rules is refused with every violation.
     */
    @Transactional
    public Saved save(WorkingCalendar calendar) {
        var violations = calendar.violations();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var before = calendars.find(calendar.id());
        if (before.isPresent() && before.get().sameFactsAs(calendar)) {
            return Saved.UNCHANGED;
        }
        var next = calendar.withRevision(before.map(WorkingCalendar::revision).orElse(0L) + 1);
        if (before.isPresent()) {
            calendars.update(next);
        } else {
            calendars.insert(next);
        }
        var action = before.isEmpty() ? "CALENDAR_CREATED" : next.active() ? "CALENDAR_CHANGED" : "CALENDAR_RETIRED";
        audit.record(
                action,
                SUBJECT,
                next.id().value(),
                before.map(WorkingCalendar::toEvent).orElse(null),
                next.toEvent());
        publisher.publish(next.toEvent(), next.revision());
        return before.isEmpty() ? Saved.CREATED : Saved.UPDATED;
    }

    /**
     * Imports {@code calendars.csv}: creates the calendars it lists and changes the weekly rule, hours and name of
     * those that exist, keeping their dated exceptions. Every bad row is reported and nothing is kept then.
     */
    @Transactional
    public ImportSummary importDefinitions(String fileName, InputStream csv) {
        var outcomes = new ArrayList<Saved>();
        for (var draft : CalendarCsv.definitions(fileName, csv)) {
            var current = calendars.find(draft.id());
            outcomes.add(save(
                    current.isEmpty()
                            ? draft
                            : new WorkingCalendar(
                                    draft.id(),
                                    draft.name(),
                                    draft.zone(),
                                    draft.workingDays(),
                                    draft.hours(),
                                    current.get().years(),
                                    current.get().exceptions(),
                                    current.get().active(),
                                    current.get().revision())));
        }
        return ImportSummary.of(fileName, outcomes);
    }

    private WorkingCalendar find(CalendarId id) {
        return calendars.find(id).orElseThrow(() -> new NotFoundException("工作日历", id.value()));
    }

    private static WorkingCalendar withActive(WorkingCalendar calendar, boolean active) {
        return new WorkingCalendar(
                calendar.id(),
                calendar.name(),
                calendar.zone(),
                calendar.workingDays(),
                calendar.hours(),
                calendar.years(),
                calendar.exceptions(),
                active,
                calendar.revision());
    }
}
