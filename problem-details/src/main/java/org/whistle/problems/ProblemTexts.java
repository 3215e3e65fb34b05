package org.whistle.problems;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The words of problem details in both languages ({@code problems.properties} Chinese, {@code problems_en.properties}
 * English): titles per problem type, the container's details per status, names of the resources a 404 is about, and
 * Spring MVC's own errors under its {@code problemDetail.*} codes.
 */
final class ProblemTexts {

    private static final ResourceBundleMessageSource MESSAGES = messages();

    private ProblemTexts() {}

    private static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("org/whistle/problems/problems");
        messages.setDefaultEncoding("UTF-8");
        // The base bundle is Chinese; the JVM's own locale must not pick another.
        messages.setFallbackToSystemLocale(false);
        // Quotes are escaped ('') in every message, with arguments or without.
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }

    /** Ours first, then the application's own messages (if it has any) for codes ours lack. */
    static MessageSource withParent(MessageSource parent) {
        var messages = messages();
        messages.setParentMessageSource(parent);
        return messages;
    }

    static MessageSource messageSource() {
        return MESSAGES;
    }

    static String text(String code, Locale locale, Object... arguments) {
        return MESSAGES.getMessage(code, arguments, locale);
    }

    static String title(String slug, Locale locale) {
        return text("title." + slug, locale);
    }

    /** A resource kind as people say it (工单, ticket); the generic word for kinds not listed. */
    static String resource(String kind, Locale locale) {
        return MESSAGES.getMessage("resource." + kind.replace(' ', '-'), null, text("resource", locale), locale);
    }
}
