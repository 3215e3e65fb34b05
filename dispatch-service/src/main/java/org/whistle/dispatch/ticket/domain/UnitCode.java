package org.whistle.dispatch.ticket.domain;

import java.util.regex.Pattern;
import org.whistle.problems.InvalidInputException;

/**
 * Code of an organisation unit from org-registry: a handling unit (department, property company, community) or a
 * command centre, e.g. {@code QQ-230225-ZJJ-LZG}.
 */
public record UnitCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,63}");

    public UnitCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw InvalidInputException.of("unitCode", "must be 1–64 upper-case letters, digits, '-' or '_'");
        }
    }

    public static UnitCode of(String value) {
        return new UnitCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
