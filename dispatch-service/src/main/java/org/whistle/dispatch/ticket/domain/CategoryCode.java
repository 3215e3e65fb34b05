package org.whistle.dispatch.ticket.domain;

import org.whistle.problems.InvalidInputException;

/** Code of an event category from org-registry (大类 or 小类), e.g. {@code ROAD-DAMAGE}. */
public record CategoryCode(String value) {

    public CategoryCode {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw InvalidInputException.of("categoryCode", "must be 1–64 characters and not blank");
        }
    }

    public static CategoryCode of(String value) {
        return new CategoryCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
