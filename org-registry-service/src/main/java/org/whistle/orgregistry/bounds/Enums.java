package org.whistle.orgregistry.bounds;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.problems.Violation;

/** Reads enumeration values from request fields and import cells, reporting a bad one against the field it came from. */
public final class Enums {

    private Enums() {}

    @SuppressWarnings("NullAway")
    public static <E extends Enum<E>> E required(
            String field, @Nullable String value, Class<E> type, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return null;
        }
        return optional(field, value, type, violations);
    }

    public static <E extends Enum<E>> @Nullable E optional(
            String field, @Nullable String value, Class<E> type, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(
                    field,
                    "'" + value + "' is not one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .toList()));
            return null;
        }
    }
}
