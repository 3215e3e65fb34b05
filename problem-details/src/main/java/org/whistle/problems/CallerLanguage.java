package org.whistle.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language a person reading an answer gets: Chinese, unless the request's {@code Accept-Language} prefers English
 * to Chinese. One rule for every text a service renders for the caller — problem details, Bean Validation messages
 * (the request's locale) and the container's own errors — so every service answers alike. Another language asked
 * for first does not count; an unreadable or overlong header is Chinese.
 */
public final class CallerLanguage implements LocaleResolver {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    /** Longer than any browser sends; beyond it the header is not parsed at all. */
    static final int MAX_HEADER_LENGTH = 500;

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

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        throw new UnsupportedOperationException("the caller's language follows Accept-Language only");
    }
}
