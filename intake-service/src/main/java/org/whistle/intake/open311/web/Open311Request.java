package org.whistle.intake.open311.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.whistle.intake.open311.Open311Exception;

/**
 * One Open311 call's parameters as clients send them — query string or form body alike — read into typed values;
 * a value that does not parse is the spec's 400 (or 404 for an id that can name nothing) naming the parameter.
 *
 * @param format {@code json} or {@code xml}, from the path's suffix
 */
record Open311Request(String format, MultiValueMap<String, String> params) {

    static Open311Request of(String format, MultiValueMap<String, String> params) {
        var fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("json") && !fmt.equals("xml")) {
            throw new Open311Exception(404, "format " + format + " is not offered; use json or xml");
        }
        return new Open311Request(fmt, params);
    }

    /** The parameter stripped, or null when absent or blank. */
    @Nullable
    String text(String name) {
        var value = params.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Every value of a repeated or comma-delimited parameter, stripped, blanks left out. */
    List<String> list(String name) {
        var values = params.get(name);
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",", -1)))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
    }

    String required(String name) {
        var value = text(name);
        if (value == null) {
            throw new Open311Exception(400, name + " is required");
        }
        return value;
    }

    @Nullable
    Double number(String name) {
        var text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new Open311Exception(400, name + " is not a number");
        }
    }

    int integer(String name, int fallback) {
        var text = text(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new Open311Exception(400, name + " is not a whole number");
        }
    }

    /** W3C dates; a {@code +} of the offset may arrive decoded as a space. */
    @Nullable
    Instant date(String name) {
        var text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Exception(400, name + " is not a W3C date-time such as 2026-01-15T09:30:00+08:00");
        }
    }

    boolean flag(String name) {
        return "true".equals(text(name));
    }

    /** A listed id as a UUID; empty when it is none (and so names no request). */
    static java.util.Optional<UUID> uuid(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** A request id; one that is no UUID names no request. */
    static UUID id(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new Open311Exception(404, "service_request_id " + id + " not found");
        }
    }
}
