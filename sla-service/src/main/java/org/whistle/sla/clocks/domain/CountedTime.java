package org.whistle.sla.clocks.domain;

import java.time.Duration;
import java.time.Instant;
import org.whistle.orgreference.domain.calendars.WorkingCalendar;

/**
 * How a clock counts its time: round the clock (24 h emergency clocks, policies without a calendar), or the working
 * time of a calendar — nights, weekends and public holidays do not count, make-up working days (调休) do.
 */
public sealed interface CountedTime {

    /** Round the clock: every hour counts. */
    CountedTime ROUND_THE_CLOCK = new RoundTheClock();

    /** The instant at which {@code counted} time has passed since {@code from}. */
    Instant plus(Instant from, Duration counted);

    /** The counted time from {@code from} to {@code to}; negative when {@code to} is earlier. */
    Duration between(Instant from, Instant to);

    /** Every hour counts. */
    record RoundTheClock() implements CountedTime {

        @Override
        public Instant plus(Instant from, Duration counted) {
            return from.plus(counted);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return Duration.between(from, to);
        }
    }

    /** Only the calendar's working time counts. */
    record Working(WorkingCalendar calendar) implements CountedTime {

        @Override
        public Instant plus(Instant from, Duration counted) {
            return calendar.plus(from, counted);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return calendar.between(from, to);
        }
    }
}
