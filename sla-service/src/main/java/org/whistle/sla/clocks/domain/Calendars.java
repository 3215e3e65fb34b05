package org.whistle.sla.clocks.domain;

import java.util.Optional;
import org.whistle.orgreference.domain.calendars.WorkingCalendar;

/**
 * Where the working-hour calendars clocks count in come from: a calendar by id, with its revision; empty when
 * unknown, and the clock then counts round the clock and says so.
 */
public interface Calendars {

    Optional<WorkingCalendar> calendar(String calendarId);
}
