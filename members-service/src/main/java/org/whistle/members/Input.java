package org.whistle.members;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/**
 * Every input bounded: the documented maximum of each kind of field this service accepts; too long, missing or
 * holding control characters is a 422 naming the field, in Chinese.
 */
public final class Input {

    /** Codes: compounds, grids, buildings, workplaces, rule items. */
    public static final int CODE = 64;
    /** Names of people, organisations, tasks, catalogue items. */
    public static final int NAME = 100;
    /** Phone numbers. */
    public static final int PHONE = 20;
    /** Addresses, places, availability. */
    public static final int LINE = 200;
    /** Descriptions, reasons, evidence notes. */
    public static final int TEXT = 2_000;
    /** Items in a list (skills, teams). */
    public static final int ITEMS = 20;

    private Input() {}

    public static String required(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, Phrase.of("refusal.required"));
        }
        return optional(field, value, max);
    }

    @SuppressWarnings("NullAway")
    public static @Nullable String optional(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var text = value.strip();
        if (text.codePointCount(0, text.length()) > max) {
            throw InvalidInputException.of(field, Phrase.of("refusal.atMostCharacters", "max", max));
        }
        if (text.codePoints()
                .anyMatch(c -> Character.isISOControl(c) && c != '\n'
                        || (c >= 0x202A && c <= 0x202E)
                        || (c >= 0x2066 && c <= 0x2069))) {
            throw InvalidInputException.of(field, Phrase.of("refusal.control"));
        }
        return text;
    }

    public static List<String> list(String field, @Nullable List<String> values, int maxEach) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > ITEMS) {
            throw InvalidInputException.of(field, Phrase.of("refusal.atMostItems", "max", ITEMS));
        }
        return values.stream().map(v -> required(field, v, maxEach)).distinct().toList();
    }

    public static int range(String field, @Nullable Integer value, int min, int max) {
        if (value == null) {
            throw InvalidInputException.of(field, Phrase.of("refusal.required"));
        }
        if (value < min || value > max) {
            throw InvalidInputException.of(field, Phrase.of("refusal.between", "min", min, "max", max));
        }
        return value;
    }

    public static <E extends Enum<E>> E choice(String field, @Nullable String value, Class<E> type) {
        if (value == null) {
            throw InvalidInputException.of(field, Phrase.of("refusal.required"));
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, Phrase.of("members.refusal.notAChoice"));
        }
    }
}
