package org.whistle.orgregistry.bounds;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.Urgency;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/** Reads enumeration values from request fields and import cells, reporting a bad one against the field it came from. */
public final class Enums {

    private Enums() {}

    @SuppressWarnings("NullAway")
    public static <E extends Enum<E>> E required(
            String field, @Nullable String value, Class<E> type, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, Phrase.of("refusal.required")));
            return null;
        }
        return optional(field, value, type, violations);
    }

    /** The catalogue's prefix for a type's values: the shared one where the platform has it, else org-registry's. */
    private static final Map<Class<?>, String> PREFIXES = Map.of(
            CommandLevel.class, "level",
            Urgency.class, "priority",
            ClockKind.class, "clock");

    /** A type's values by the names people use, for "must be one of" refusals. */
    public static <E extends Enum<E>> List<Phrase> names(Class<E> type) {
        var prefix = PREFIXES.getOrDefault(type, "orgregistry.name." + type.getSimpleName());
        return Arrays.stream(type.getEnumConstants())
                .map(value -> Phrase.name(prefix, value))
                .toList();
    }

    public static <E extends Enum<E>> @Nullable E optional(
            String field, @Nullable String value, Class<E> type, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            // The choices by the names people use (ADR 0043), never the codes; the value sent is not echoed.
            violations.add(new Violation(field, Phrase.of("refusal.oneOf", "choices", names(type))));
            return null;
        }
    }
}
