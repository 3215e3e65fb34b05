package org.whistle.orgreference.domain.routing;

import java.util.Objects;

/** The code of a handling unit (department, property company, command centre …). */
public record UnitCode(String value) {

    public UnitCode {
        Objects.requireNonNull(value);
        if (value.isBlank()) {
            throw new IllegalArgumentException("a blank UnitCode");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
