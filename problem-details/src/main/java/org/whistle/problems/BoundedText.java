package org.whistle.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.whistle.texts.Phrase;

/**
 * The one check of text people send any service: a documented maximum counted in characters (Unicode code points,
 * so 一 and 😀 count one each), no control characters (line breaks and tabs allowed in multi-line text: PostgreSQL
 * cannot store NUL, and a log line must stay one line), and no bidirectional overrides or isolates (U+202A–U+202E,
 * U+2066–U+2069), which make a text read differently from what it holds. Each problem names the field, so the
 * answer is a 422 problem detail pointing at it; {@code null} passes, as whether a field is required is the
 * caller's rule.
 */
public final class BoundedText {

    private BoundedText() {}

    /** Problems of one line of text: a name, an address, a code, an attribute value. */
    public static List<Violation> line(String field, @Nullable String text, int maxLength) {
        return check(field, text, maxLength, false);
    }

    /** Problems of multi-line text: a description, a note, a comment, a reason. */
    public static List<Violation> text(String field, @Nullable String text, int maxLength) {
        return check(field, text, maxLength, true);
    }

    /** Problems of the length alone, for values whose characters are checked by their own format (URLs, secrets). */
    public static List<Violation> length(String field, @Nullable String text, int maxLength) {
        var violations = new ArrayList<Violation>(1);
        if (text != null) {
            tooLong(field, text, maxLength, violations);
        }
        return violations;
    }

    /** {@link #line}, refusing with an {@link InvalidInputException} (422) when there is any problem. */
    public static @Nullable String requireLine(String field, @Nullable String text, int maxLength) {
        return refuse(line(field, text, maxLength), text);
    }

    /** {@link #text}, refusing with an {@link InvalidInputException} (422) when there is any problem. */
    public static @Nullable String requireText(String field, @Nullable String text, int maxLength) {
        return refuse(text(field, text, maxLength), text);
    }

    /** {@link #length}, refusing with an {@link InvalidInputException} (422) when the text is too long. */
    public static @Nullable String requireLength(String field, @Nullable String text, int maxLength) {
        return refuse(length(field, text, maxLength), text);
    }

    /** Whether {@code codePoint} is a bidirectional override or isolate. */
    public static boolean isBidiControl(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** Whether {@code codePoint} is a control character a text may not hold ({@code multiLine} allows \n, \r, \t). */
    public static boolean isRefusedControl(int codePoint, boolean multiLine) {
        return Character.isISOControl(codePoint)
                && !(multiLine && (codePoint == '\n' || codePoint == '\r' || codePoint == '\t'));
    }

    private static List<Violation> check(String field, @Nullable String text, int maxLength, boolean multiLine) {
        var violations = new ArrayList<Violation>(1);
        if (text == null) {
            return violations;
        }
        tooLong(field, text, maxLength, violations);
        if (text.codePoints().anyMatch(c -> isRefusedControl(c, multiLine))) {
            violations.add(new Violation(field, Phrase.of("refusal.control")));
        }
        text.codePoints()
                .filter(BoundedText::isBidiControl)
                .findFirst()
                .ifPresent(c -> violations.add(new Violation(
                        field,
                        Phrase.of(
                                "refusal.bidi",
                                "codePoint",
                                "U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT)))));
        return violations;
    }

    private static void tooLong(String field, String text, int maxLength, List<Violation> violations) {
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            violations.add(new Violation(field, Phrase.of("refusal.tooLong", "max", maxLength, "length", length)));
        }
    }

    private static @Nullable String refuse(List<Violation> violations, @Nullable String text) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return text;
    }
}
