package org.whistle.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identity of a ticket, the command platform's case built from one or more whistles. */
public record TicketId(UUID value) {

    public TicketId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static TicketId newId() {
        return new TicketId(EventIds.next());
    }

    @JsonCreator
    public static TicketId of(String value) {
        return new TicketId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
