package org.whistle.problems;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.HierarchicalMessageSource;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;

/**
 * The words of problem details, from the message catalogue (ADR 0035) under {@code problem.*}: titles per problem type,
 * the container's details per status, names of the resources a 404 is about, and Spring MVC's own errors under its
 * {@code problemDetail.*} codes — in the caller's language ({@link CallerLanguage}). There is no second bundle.
 */
final class ProblemTexts {

    static final String PREFIX = "problem.";

    /**
     * The names of the positional arguments Spring MVC passes with its codes, so that the catalogue's placeholders
     * stay named. A code not listed takes no arguments.
     */
    private static final Map<String, List<String>> SPRING_ARGUMENTS = Map.of(
            "problemDetail.org.springframework.web.HttpRequestMethodNotSupportedException",
            List.of("method"),
            "problemDetail.org.springframework.web.HttpMediaTypeNotSupportedException",
            List.of("contentType"),
            "problemDetail.org.springframework.web.bind.MissingServletRequestParameterException",
            List.of("parameter"),
            "problemDetail.org.springframework.web.bind.MissingRequestHeaderException",
            List.of("header"),
            "problemDetail.org.springframework.web.multipart.support.MissingServletRequestPartException",
            List.of("part"));

    private ProblemTexts() {}

    /** Ours first, then the application's own messages (if it has any) for codes ours lack. */
    static MessageSource withParent(@Nullable MessageSource parent) {
        var source = new CatalogueMessageSource();
        source.setParentMessageSource(parent);
        return source;
    }

    static MessageSource messageSource() {
        return withParent(null);
    }

    static String text(String key, Locale locale) {
        return Catalogue.of(locale).text(PREFIX + key);
    }

    static String text(String key, Locale locale, Map<String, ?> parameters) {
        return Catalogue.of(locale).text(PREFIX + key, parameters);
    }

    static String title(String slug, Locale locale) {
        return text("title." + slug, locale);
    }

    /** A resource kind as people say it (工单, ticket); the generic word for kinds not listed. */
    static Phrase resource(String kind) {
        var key = PREFIX + "resource." + kind.replace(' ', '-');
        return Phrase.of(Catalogue.chinese().has(key) ? key : PREFIX + "resource");
    }

    /** Spring MVC's codes answered from the catalogue; codes it lacks go to the parent. */
    private static final class CatalogueMessageSource implements HierarchicalMessageSource {

        private @Nullable MessageSource parent;

        @Override
        public void setParentMessageSource(@Nullable MessageSource parent) {
            this.parent = parent;
        }

        @Override
        public @Nullable MessageSource getParentMessageSource() {
            return parent;
        }

        @Override
        public @Nullable String getMessage(
                String code, Object @Nullable [] args, @Nullable String defaultMessage, @Nullable Locale locale) {
            var found = ours(code, args, locale);
            if (found != null) {
                return found;
            }
            return parent == null ? defaultMessage : parent.getMessage(code, args, defaultMessage, locale);
        }

        @Override
        public String getMessage(String code, Object @Nullable [] args, @Nullable Locale locale) {
            var found = getMessage(code, args, null, locale);
            if (found == null) {
                throw new NoSuchMessageException(code, locale == null ? Locale.SIMPLIFIED_CHINESE : locale);
            }
            return found;
        }

        @Override
        public String getMessage(MessageSourceResolvable resolvable, @Nullable Locale locale) {
            var codes = resolvable.getCodes();
            if (codes != null) {
                for (var code : codes) {
                    var found = getMessage(code, resolvable.getArguments(), null, locale);
                    if (found != null) {
                        return found;
                    }
                }
            }
            var fallback = resolvable.getDefaultMessage();
            if (fallback == null) {
                throw new NoSuchMessageException(
                        codes == null || codes.length == 0 ? "" : codes[codes.length - 1],
                        locale == null ? Locale.SIMPLIFIED_CHINESE : locale);
            }
            return fallback;
        }

        private static @Nullable String ours(String code, Object @Nullable [] args, @Nullable Locale locale) {
            var catalogue = Catalogue.of(locale == null ? Locale.SIMPLIFIED_CHINESE : locale);
            if (!catalogue.has(PREFIX + code)) {
                return null;
            }
            var names = SPRING_ARGUMENTS.getOrDefault(code, List.of());
            var parameters = new HashMap<String, Object>();
            for (var i = 0; i < names.size(); i++) {
                parameters.put(names.get(i), args != null && i < args.length && args[i] != null ? args[i] : "");
            }
            return catalogue.text(PREFIX + code, parameters);
        }
    }
}
