package org.whistle.orgreference.domain.routing;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.whistle.problems.InvalidInputException;

/**
 * The code of an organisation unit, the one type every service uses for it: a handling unit (department, property
 * company, community) or a command centre, e.g. {@code QQ-230225-ZJJ-LZG}. Upper-case letters, digits, '-' and '_',
 * at most 64 — every code org-registry issues fits (handling units {@code [A-Z][A-Z0-9-]{1,47}}, nodes digits only).
 */
public record UnitCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,63}");

    /** Refuses a malformed code as invalid input on {@code unitCode}, which the web edge answers with 422. */
    public UnitCode {
        if (!isWellFormed(value)) {
            throw InvalidInputException.of("unitCode", "单位代码须为 1–64 个大写字母、数字、“-”或“_”");
        }
    }

    public static UnitCode of(String value) {
        return new UnitCode(value);
    }

    public static boolean isWellFormed(@Nullable String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
