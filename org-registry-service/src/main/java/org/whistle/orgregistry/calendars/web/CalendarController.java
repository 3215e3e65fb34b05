package org.whistle.orgregistry.calendars.web;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.orgreference.domain.calendars.CalendarId;
import org.whistle.orgreference.domain.calendars.WorkingCalendar;
import org.whistle.orgregistry.calendars.Calendars;
import org.whistle.orgregistry.calendars.ManagingCalendars;
import org.whistle.orgregistry.importing.ImportSummary;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/** {@code /api/org/calendars}: working-hour calendars; reads for any token, changes for administrators. */
@RestController
class CalendarController {

    private final Calendars calendars;
    private final ManagingCalendars managing;

    CalendarController(Calendars calendars, ManagingCalendars managing) {
        this.calendars = calendars;
        this.managing = managing;
    }

    @GetMapping("/api/org/calendars")
    List<CalendarView> list(@RequestParam(defaultValue = "false") boolean includeRetired) {
        return calendars.all(includeRetired).stream().map(CalendarView::of).toList();
    }

    @GetMapping("/api/org/calendars/{id}")
    CalendarView one(@PathVariable String id) {
        return CalendarView.of(find(id));
    }

    @PostMapping("/api/org/calendars")
    ResponseEntity<CalendarView> create(@RequestBody CalendarRequest request) {
        var created = managing.create(request.toCalendar(null));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/org/calendars/" + created.id().value())
                .body(CalendarView.of(created));
    }

    @PutMapping("/api/org/calendars/{id}")
    CalendarView change(@PathVariable String id, @RequestBody CalendarRequest request) {
        find(id);
        return CalendarView.of(managing.change(request.toCalendar(id)));
    }

    @DeleteMapping("/api/org/calendars/{id}")
    CalendarView retire(@PathVariable String id) {
        return CalendarView.of(managing.retire(find(id).id()));
    }

    /** Replaces one year of the official schedule ({@code date,kind,name}) in a calendar. */
    @PostMapping(path = "/api/org/calendars/{id}/years/{year}", consumes = "text/csv")
    ImportSummary importYear(@PathVariable String id, @PathVariable int year, @RequestBody byte[] csv) {
        if (year < 1900 || year > 9999) {
            throw new InvalidInputException(
                    List.of(new Violation("year", Phrase.of("refusal.between", "min", 1900, "max", 9999))));
        }
        return managing.importYear(find(id).id(), year, id + "-" + year + ".csv", new ByteArrayInputStream(csv));
    }

    @PostMapping(path = "/api/org/imports/calendars", consumes = "text/csv")
    ImportSummary importDefinitions(@RequestBody byte[] csv) {
        return managing.importDefinitions("calendars.csv", new ByteArrayInputStream(csv));
    }

    private WorkingCalendar find(String id) {
        if (id.isBlank() || id.length() > 64) {
            throw new NotFoundException("工作日历", id);
        }
        return calendars.find(new CalendarId(id)).orElseThrow(() -> new NotFoundException("工作日历", id));
    }
}
