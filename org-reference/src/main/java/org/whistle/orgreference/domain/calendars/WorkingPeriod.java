package org.whistle.orgreference.domain.calendars;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/** One working period of a working day, local time, from its start (included) to its end (excluded). */
public record WorkingPeriod(LocalTime from, LocalTime to) {

    public WorkingPeriod {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    @Override
    public String toString() {
        return from + "–" + to;
    }
}
