package org.whistle.problems;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The rule for the language of texts people read in an answer: Chinese, unless {@code Accept-Language} ranks English
 * above Chinese. Free of the servlet API so that the gateway, which is reactive, answers by the same rule as the
 * services ({@link CallerLanguage} applies it to servlet requests).
 */
public final class AcceptLanguage {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    /** Longer than any browser sends; beyond it the header is not parsed at all. */
    static final int MAX_HEADER_LENGTH = 500;

    private AcceptLanguage() {}

    /** The language for an {@code Accept-Language} value (or none). */
    public static Locale of(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_HEADER_LENGTH) {
            return CHINESE;
        }
        try {
            // Sorted by weight, highest first; a weight of 0 means "not this one".
            for (var range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                var tag = range.getRange();
                if (tag.equals("zh") || tag.startsWith("zh-")) {
                    return CHINESE;
                }
                if (tag.equals("en") || tag.startsWith("en-")) {
                    return ENGLISH;
                }
            }
        } catch (IllegalArgumentException e) {
            // A malformed header is no preference.
        }
        return CHINESE;
    }

    public static boolean prefersEnglish(@Nullable String acceptLanguage) {
        return of(acceptLanguage).equals(ENGLISH);
    }
}
