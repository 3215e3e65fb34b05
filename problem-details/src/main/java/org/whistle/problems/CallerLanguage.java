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
 * for first does not count; an unreadable or overlong header is Chinese. The rule itself is {@link AcceptLanguage},
 * which the reactive gateway uses too.
 */
public final class CallerLanguage implements LocaleResolver {

    /** The language for an {@code Accept-Language} value (or none): see {@link AcceptLanguage}. */
    public static Locale of(@Nullable String acceptLanguage) {
        return AcceptLanguage.of(acceptLanguage);
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
