package org.whistle.orgregistry.calendars;

import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;
import org.whistle.events.ReferenceEvent;
import org.whistle.orgregistry.publishing.ReferenceSource;

/** Hands every calendar, retired ones too, to the first-start snapshot. */
@Component
class CalendarSnapshot implements ReferenceSource {

    private final Calendars calendars;

    CalendarSnapshot(Calendars calendars) {
        this.calendars = calendars;
    }

    @Override
    public void currentState(BiConsumer<ReferenceEvent, Long> sink) {
        calendars.all(true).forEach(calendar -> sink.accept(calendar.toEvent(), calendar.revision()));
    }
}
