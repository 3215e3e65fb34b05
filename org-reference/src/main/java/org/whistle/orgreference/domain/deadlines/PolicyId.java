package org.whistle.orgreference.domain.deadlines;

import java.util.Objects;

/** A deadline policy's stable id. */
public record PolicyId(String value) {

    public PolicyId {
        Objects.requireNonNull(value);
        if (value.isBlank()) {
            throw new IllegalArgumentException("a blank policy id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
