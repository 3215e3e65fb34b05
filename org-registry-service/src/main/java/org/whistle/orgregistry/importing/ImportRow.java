package org.whistle.orgregistry.importing;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.whistle.orgregistry.bounds.Enums;
import org.whistle.problems.RowError;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * One data row of an imported file. Readers take an {@link ImportErrors} and record what is wrong instead of
 * throwing, so one pass reports every bad cell of every row.
 */
public record ImportRow(String file, int row, Map<String, String> cells) {

    /** The trimmed cell, or null when the column is absent or the cell empty. */
    public @Nullable String optional(String column) {
        var value = cells.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public @Nullable String required(String column, ImportErrors errors) {
        var value = optional(column);
        if (value == null) {
            errors.add(error(column, Phrase.of("refusal.required")));
        }
        return value;
    }

    public <E extends Enum<E>> @Nullable E requiredEnum(String column, Class<E> type, ImportErrors errors) {
        var value = required(column, errors);
        return value == null ? null : parseEnum(column, value, type, Enums.names(type), errors);
    }

    /**
     * As {@link #requiredEnum(String, Class, ImportErrors)}, for a type whose values the catalogue names under a
     * shared prefix (the organisation's node and unit kinds are {@code node.*}).
     */
    public <E extends Enum<E>> @Nullable E requiredEnum(
            String column, Class<E> type, String namesPrefix, ImportErrors errors) {
        var value = required(column, errors);
        return value == null ? null : parseEnum(column, value, type, Phrase.names(namesPrefix, type), errors);
    }

    public <E extends Enum<E>> @Nullable E optionalEnum(String column, Class<E> type, ImportErrors errors) {
        var value = optional(column);
        return value == null ? null : parseEnum(column, value, type, Enums.names(type), errors);
    }

    public @Nullable LocalDate requiredDate(String column, ImportErrors errors) {
        return required(column, errors) == null ? null : optionalDate(column, errors);
    }

    public @Nullable LocalDate optionalDate(String column, ImportErrors errors) {
        var value = optional(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(error(column, Phrase.of("orgregistry.refusal.date", "example", "2024-01-01")));
            return null;
        }
    }

    public @Nullable Duration requiredDuration(String column, ImportErrors errors) {
        var value = required(column, errors);
        if (value == null) {
            return null;
        }
        try {
            var duration = Duration.parse(value);
            if (duration.isNegative() || duration.isZero()) {
                errors.add(error(column, Phrase.of("orgregistry.refusal.positive")));
                return null;
            }
            return duration;
        } catch (DateTimeParseException e) {
            errors.add(error(column, Phrase.of("orgregistry.refusal.duration", "example", "PT2H")));
            return null;
        }
    }

    /** A {@code ;}-separated list, empty when the cell is. */
    public List<String> list(String column) {
        var value = optional(column);
        return value == null
                ? List.of()
                : Arrays.stream(value.split(";"))
                        .map(String::trim)
                        .filter(item -> !item.isEmpty())
                        .toList();
    }

    /** The column an API field is read from: {@code parentCode} → {@code parent_code}, {@code coUnitCodes[1]} → {@code co_unit_codes}. */
    public static String columnOf(String field) {
        return field.replaceAll("\\[.*$", "").replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    public RowError error(@Nullable String column, Phrase reason) {
        return new RowError(file, row, column, reason);
    }

    /** A field's violation against this row, in the column the field is read from. */
    public RowError error(@Nullable String column, Violation violation) {
        return RowError.of(file, row, column, violation);
    }

    private <E extends Enum<E>> @Nullable E parseEnum(
            String column, String value, Class<E> type, List<Phrase> choices, ImportErrors errors) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            // The choices by the names people use (ADR 0043); the value sent is not echoed.
            errors.add(error(column, Phrase.of("refusal.oneOf", "choices", choices)));
            return null;
        }
    }
}
