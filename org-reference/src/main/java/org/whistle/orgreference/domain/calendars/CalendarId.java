package org.whistle.orgreference.domain.calendars;

import java.util.Objects;

/** A working-hour calendar's stable id, as deadline policies name it. */
public record CalendarId(String value) {

    public CalendarId {
        Objects.requireNonNull(value);
        if (value.isBlank()) {
            throw new IllegalArgumentException("a blank calendar id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
