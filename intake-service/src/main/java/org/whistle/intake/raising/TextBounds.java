package org.whistle.intake.raising;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
        return check(field, text, maxLength, true);
    }

    /** One line: names, addresses, attribute values. */
    public static List<Violation> line(String field, @Nullable String text, int maxLength) {
        return check(field, text, maxLength, false);
    }

    private static List<Violation> check(String field, @Nullable String text, int maxLength, boolean lines) {
        var violations = new ArrayList<Violation>();
        if (text == null) {
            return violations;
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            violations.add(new Violation(field, "最多 " + maxLength + " 个字符，现有 " + length + " 个"));
        }
        if (text.chars()
                .anyMatch(c -> Character.isISOControl(c) && !(lines && (c == '\n' || c == '\r' || c == '\t')))) {
            violations.add(new Violation(field, "含有控制字符"));
        }
        if (text.chars().anyMatch(TextBounds::bidiControl)) {
            violations.add(new Violation(field, "含有改变文字方向的控制字符（U+202A–U+202E、U+2066–U+2069）"));
        }
        return violations;
    }

    static boolean bidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
