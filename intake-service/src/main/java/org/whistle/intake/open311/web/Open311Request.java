package org.whistle.intake.open311.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.whistle.events.CategoryChanged;
import org.whistle.intake.IntakeProperties;
import org.whistle.intake.open311.Open311Exception;
import org.whistle.intake.open311.ServiceRequests;
import org.whistle.intake.raising.RaiseWhistle;
import org.whistle.texts.Phrase;

/**
 * One Open311 call's parameters as clients send them — query string or form body alike — read into typed values;
 * a value that does not parse is the spec's 400 (or 404 for an id that can name nothing) naming the parameter.
 *
 * @param format {@code json} or {@code xml}, from the path's suffix
 */
record Open311Request(String format, MultiValueMap<String, String> params) {

    /** FixMyStreet's {@code address_id} for a report the reporter did not pin on the map. */
    static final String NOT_PINPOINTED = "#NOTPINPOINTED#";
    /** Deeper pages are not offered: page by dates instead (start_date/end_date). */
    static final int MAX_PAGE = 10_000;

    static Open311Request of(String format, MultiValueMap<String, String> params) {
        var fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("json") && !fmt.equals("xml")) {
            throw new Open311Exception(404, Phrase.of("intake.refusal.open311.format"));
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
            throw new Open311Exception(400, Phrase.of("intake.refusal.open311.required", "parameter", name));
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
            throw new Open311Exception(400, Phrase.of("intake.refusal.open311.notANumber", "parameter", name));
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
            throw new Open311Exception(400, Phrase.of("intake.refusal.open311.notAWholeNumber", "parameter", name));
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
            throw new Open311Exception(
                    400,
                    Phrase.of(
                            "intake.refusal.open311.notADateTime",
                            "parameter",
                            name,
                            "example",
                            "2026-01-15T09:30:00+08:00"));
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
            throw new Open311Exception(404, Phrase.of("intake.refusal.open311.noRequest"));
        }
    }

    /**
     * A POSTed request as the whistle to raise: unchecked — {@code RaisingWhistles} checks every field. A report
     * with FixMyStreet's {@code #NOTPINPOINTED#} is address-only: its lat/long are only the map's centre.
     */
    RaiseWhistle raiseWhistle(CategoryChanged category) {
        var pinpointed = !NOT_PINPOINTED.equals(text("address_id"));
        var lat = pinpointed ? number("lat") : null;
        var lng = pinpointed ? number("long") : null;
        var address = text("address_string");
        if ((lat == null || lng == null) && address == null) {
            throw new Open311Exception(
                    400,
                    pinpointed
                            ? Phrase.of("intake.refusal.open311.noPlace")
                            : Phrase.of("intake.refusal.open311.notPinpointed"));
        }
        var description = text("description");
        return new RaiseWhistle(
                "OPEN311",
                category.code(),
                description == null ? category.name() : description,
                lat,
                lng,
                "WGS84",
                address,
                text("phone"),
                text("attribute[urgency]"),
                null,
                text("media_url"));
    }

    /**
     * What {@code GET requests} selects. Ids, when given, take precedence over every other filter, and an id that is
     * no UUID names no request (absent from the answer); otherwise the spec's defaults — the last 90 days, up to 1,000
     * — and comma lists for {@code status} and {@code service_code}.
     */
    ServiceRequests.Query query(IntakeProperties.Open311 settings, Instant now) {
        var ids = list("service_request_id");
        if (ids.size() > settings.maxPageSize()) {
            throw new Open311Exception(
                    400, Phrase.of("intake.refusal.open311.tooManyIds", "max", settings.maxPageSize()));
        }
        if (!ids.isEmpty()) {
            return new ServiceRequests.Query(
                    ids.stream().flatMap(id -> uuid(id).stream()).toList(),
                    List.of(),
                    Instant.EPOCH,
                    now,
                    Set.of(),
                    1,
                    ids.size());
        }
        var end = date("end_date");
        var start = date("start_date");
        var to = end == null ? now : end;
        var from = start == null ? to.minus(settings.defaultWindow()) : start;
        if (from.isAfter(to)) {
            throw new Open311Exception(400, Phrase.of("intake.refusal.open311.startAfterEnd"));
        }
        var statuses = new LinkedHashSet<String>();
        for (var status : list("status")) {
            var named = status.toLowerCase(Locale.ROOT);
            if (!named.equals("open") && !named.equals("closed")) {
                throw new Open311Exception(400, Phrase.of("intake.refusal.open311.statuses"));
            }
            statuses.add(named);
        }
        int page = integer("page", 1);
        int size = integer("page_size", settings.defaultPageSize());
        if (page < 1 || page > MAX_PAGE || size < 1 || size > settings.maxPageSize()) {
            throw new Open311Exception(
                    400,
                    Phrase.of("intake.refusal.open311.page", "maxPage", MAX_PAGE, "maxSize", settings.maxPageSize()));
        }
        return new ServiceRequests.Query(List.of(), list("service_code"), from, to, statuses, page, size);
    }
}
