package org.whistle.intake.raising;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.problems.BoundedText;
import org.whistle.problems.Violation;

/**
 * The one check for free text people send intake: a documented maximum in characters (code points), no control
 * characters (line breaks and tabs allowed in multi-line text), and no bidirectional overrides or isolates
 * (U+202A–U+202E, U+2066–U+2069), which can make a text read differently from what it holds. Each problem names the
 * field, so the answer is a 422 problem detail pointing at it.
 */
public final class TextBounds {

    private TextBounds() {}

    /** Multi-line text: descriptions, notes, comments. */
    public static List<Violation> check(String field, @Nullable String text, int maxLength) {
        return BoundedText.text(field, text, maxLength);
    }

    /** One line: names, addresses, attribute values. */
    public static List<Violation> line(String field, @Nullable String text, int maxLength) {
        return BoundedText.line(field, text, maxLength);
    }
}
