package org.whistle.orgreference.domain.catalogue;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.whistle.problems.InvalidInputException;

/**
 * The stable code of an event category (大类 or 小类), the one type every service uses for it, e.g.
 * {@code ROAD-DAMAGE}: upper-case letters, digits and '-', at most 48.
 */
public record CategoryCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,47}");

    /** Refuses a malformed code as invalid input on {@code categoryCode}, which the web edge answers with 422. */
    public CategoryCode {
        if (!isWellFormed(value)) {
            throw InvalidInputException.of("categoryCode", "事件类别代码须为 1–48 个大写字母、数字或“-”");
        }
    }

    public static CategoryCode of(String value) {
        return new CategoryCode(value);
    }

    public static boolean isWellFormed(@Nullable String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
