package org.whistle.orgreference.domain.routing;

import java.util.Objects;

/** A routing rule's stable id. */
public record RuleId(String value) {

    public RuleId {
        Objects.requireNonNull(value);
        if (value.isBlank()) {
            throw new IllegalArgumentException("a blank RuleId");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
