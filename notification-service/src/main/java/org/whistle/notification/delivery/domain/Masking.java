package org.whistle.notification.delivery.domain;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What logs may show of people: phones as 138****5678, names as 张*. */
public final class Masking {

    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(\\+?86)?(1\\d{2})\\d{4}(\\d{4})(?!\\d)");

    private Masking() {}

    /** Masks every mainland mobile number in a text. */
    public static String phones(@Nullable String text) {
        return text == null ? "" : PHONE.matcher(text).replaceAll("$2****$3");
    }

    public static String name(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int first = name.codePointAt(0);
        return new String(Character.toChars(first))
                + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }
}
