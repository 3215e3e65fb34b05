package org.whistle.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identity of a whistle, the citizen-facing record; every {@code whistle-*} record is keyed by it. */
public record WhistleId(UUID value) {

    public WhistleId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static WhistleId newId() {
        return new WhistleId(EventIds.next());
    }

    @JsonCreator
    public static WhistleId of(String value) {
        return new WhistleId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
