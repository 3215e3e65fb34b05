package org.whistle.orgregistry.bounds;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.problems.BoundedText;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * The longest text each kind of field of the registry takes, in characters, and what a name may not contain. The
 * checks of each record use these, and serve both its JSON API and its CSV import, so each bound is written once;
 * a longer value is a 422 problem naming the field (or, in an import, the row and column). The README lists them.
 */
public final class TextBounds {

    /** Names of nodes, units, party organisations, categories, and accounts' display names. */
    public static final int NAME = 100;

    /** English names of nodes, units and categories. */
    public static final int NAME_EN = 200;

    /** A duty contact's name. */
    public static final int PERSON_NAME = 50;

    /** Codes and ids a request names (nodes, units, categories, rules, policies, calendars). */
    public static final int CODE = 64;

    /** Codes one field may list (a rule's co-units). */
    public static final int CODES_PER_LIST = 50;

    /** Any one cell of a CSV import, whatever its column: the bound of the widest field with room to spare. */
    public static final int CSV_CELL = 1_000;

    private TextBounds() {}

    /**
     * A name people read: at most {@code max} characters, no control characters and no bidirectional overrides
     * ({@link BoundedText#line}). Blank passes here; whether it is required is the caller's check.
     */
    public static void name(@Nullable String value, String field, int max, List<Violation> violations) {
        violations.addAll(BoundedText.line(field, value, max));
    }

    /** At most {@code max} characters. */
    public static void length(@Nullable String value, String field, int max, List<Violation> violations) {
        violations.addAll(BoundedText.length(field, value, max));
    }

    /** The same check as {@link #name}, as a message, for checks that answer one. */
    public static @Nullable Phrase nameProblem(String value, int max) {
        var violations = BoundedText.line("", value, max);
        return violations.isEmpty() ? null : violations.getFirst().reason();
    }
}
