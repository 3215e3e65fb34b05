package org.whistle.orgreference.domain.routing;

import java.util.Objects;

/** The code of an administrative node (city … grid … entrance). */
public record NodeCode(String value) {

    public NodeCode {
        Objects.requireNonNull(value);
        if (value.isBlank()) {
            throw new IllegalArgumentException("a blank NodeCode");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
