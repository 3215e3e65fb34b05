package org.whistle.security.personaldata;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one way Whistle masks people: a phone as {@code 138****5678}, a name as {@code 张*兰} or {@code 王*} (the first
 * character, and the last when there are three or more). Enough for the person to recognise themselves, too little to
 * call or name them.
 */
public final class PersonalData {

    /**
     * A mainland mobile number inside free text, as people write it: optionally {@code +86}/{@code 0086}, optionally
     * split by spaces or dashes (138 1234 5678, 138-1234-5678), not part of a longer run of digits.
     */
    private static final Pattern PHONE_IN_TEXT = Pattern.compile(
            "(?<![0-9])(?:(?:\\+|00)?86[\\s-]?)?(1[3-9][0-9])[\\s-]?[0-9]{4}[\\s-]?([0-9]{4})(?![0-9])");

    private PersonalData() {}

    /** {@code 13812345678} → {@code 138****5678}; a number too short to keep both ends shows as {@code ****}. */
    public static @Nullable String phone(@Nullable String phone) {
        if (phone == null) {
            return null;
        }
        var digits = phone.strip();
        if (digits.length() < 8) {
            return "****";
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** {@code 张桂兰} → {@code 张*兰}, {@code 欧阳娜娜} → {@code 欧**娜}, {@code 王五} → {@code 王*}, one character → {@code *}. */
    public static @Nullable String name(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        var points = name.strip().codePoints().toArray();
        if (points.length == 1) {
            return "*";
        }
        var masked = new StringBuilder().appendCodePoint(points[0]);
        if (points.length == 2) {
            return masked.append('*').toString();
        }
        return masked.append("*".repeat(points.length - 2))
                .appendCodePoint(points[points.length - 1])
                .toString();
    }

    /**
     * Masks every mainland mobile number written into free text (a description, a note, a reason): people put their
     * number where the form did not ask for it. Names in free text cannot be found reliably and are left as written.
     */
    public static @Nullable String phonesIn(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return PHONE_IN_TEXT.matcher(text).replaceAll("$1****$2");
    }

    /** Whether free text still holds a mainland mobile number in full. */
    public static boolean holdsPhone(@Nullable String text) {
        return text != null && PHONE_IN_TEXT.matcher(text).find();
    }
}
