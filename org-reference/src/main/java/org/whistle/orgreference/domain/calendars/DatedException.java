package org.whistle.orgreference.domain.calendars;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CalendarChanged.DayKind;

/**
 * A date the official schedule treats otherwise than its weekday: a public holiday (放假) or a make-up working day
 * (调休上班), with the holiday's name when it has one.
 */
public record DatedException(
        LocalDate date, DayKind kind, @Nullable String name) {

    public DatedException {
        Objects.requireNonNull(date);
        Objects.requireNonNull(kind);
    }
}
