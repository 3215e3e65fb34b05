package org.whistle.notification;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.problems.BoundedText;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/**
 * The documented maximum of every free-text field this service accepts (README, "Input bounds"); longer is a 422
 * naming the field. Names also refuse control characters and bidirectional overrides (U+202A–U+202E, U+2066–U+2069),
 * which make a name read differently from what it is.
 */
public final class InputBounds {

    /** Webhook subscription names. */
    public static final int NAME = 100;
    /** Webhook URLs. */
    public static final int URL = 2_000;
    /** Webhook secrets (at least {@link #SECRET_MIN}). */
    public static final int SECRET = 200;

    public static final int SECRET_MIN = 16;
    /** Codes: units, areas, event types, qualifiers. */
    public static final int CODE = 64;
    /** Rule descriptions. */
    public static final int DESCRIPTION = 500;
    /** Items in a list field (event types, channels). */
    public static final int ITEMS = 20;

    /** Items on a page of a list (inbox, a subscription's deliveries). */
    public static final int PAGE = org.whistle.apidocs.paging.Page.MAX_SIZE;

    private InputBounds() {}

    /** A page size asked for, {@code otherwise} when none was; outside 1 to {@link #PAGE} a 422, never cut silently. */
    public static int pageSize(@Nullable Integer requested, int otherwise) {
        if (requested == null) {
            return otherwise;
        }
        if (requested < 1 || requested > PAGE) {
            throw InvalidInputException.of("size", Phrase.of("refusal.between", "min", 1, "max", PAGE));
        }
        return requested;
    }

    /** Refuses a text longer than {@code max} characters. */
    public static @Nullable String text(String field, @Nullable String value, int max) {
        return BoundedText.requireLength(field, value, max);
    }

    /** Refuses a name longer than {@code max}, or holding control characters or bidirectional overrides. */
    public static @Nullable String name(String field, @Nullable String value, int max) {
        return BoundedText.requireLine(field, value, max);
    }

    /** Refuses a list with more than {@link #ITEMS} items or an item longer than {@code max}. */
    public static <T> @Nullable List<T> items(String field, @Nullable List<T> values, int max) {
        if (values == null) {
            return null;
        }
        if (values.size() > ITEMS) {
            throw InvalidInputException.of(field, Phrase.of("refusal.atMostItems", "max", ITEMS));
        }
        for (var value : values) {
            if (value instanceof String text) {
                name(field, text, max);
            }
        }
        return values;
    }
}
