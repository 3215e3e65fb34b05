package org.whistle.texts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A text not yet put into words: a catalogue key and its named parameters. Refusals carry one instead of a sentence
 * (domain code knows what went wrong, not who reads it), and whoever answers the reader renders it in the reader's
 * language ({@link #in(Catalogue)}). A parameter may itself be a phrase — the way to name an enum value
 * ({@link #name(String, Enum)}) — or a list of names and phrases, written as a list in the reader's language.
 */
public record Phrase(String key, Map<String, Object> parameters) {

    public Phrase {
        Objects.requireNonNull(key, "key");
        // Map.copyOf refuses null values: a missing name fails where it is built, not where it is read.
        parameters = Map.copyOf(parameters);
    }

    public static Phrase of(String key) {
        return new Phrase(key, Map.of());
    }

    public static Phrase of(String key, String name, Object value) {
        return new Phrase(key, Map.of(name, value));
    }

    public static Phrase of(String key, String name1, Object value1, String name2, Object value2) {
        return new Phrase(key, Map.of(name1, value1, name2, value2));
    }

    public static Phrase of(
            String key, String name1, Object value1, String name2, Object value2, String name3, Object value3) {
        return new Phrase(key, Map.of(name1, value1, name2, value2, name3, value3));
    }

    /** An enum value as people call it: the key {@code prefix.VALUE}. */
    public static Phrase name(String prefix, Enum<?> value) {
        return of(prefix + "." + value.name());
    }

    /** Every value of an enum by its name, for "must be one of" refusals. */
    public static List<Phrase> names(String prefix, Class<? extends Enum<?>> values) {
        return java.util.Arrays.stream(values.getEnumConstants())
                .map(value -> name(prefix, value))
                .toList();
    }

    /** This phrase with one more parameter. */
    public Phrase with(String name, Object value) {
        var more = new LinkedHashMap<String, Object>(parameters);
        more.put(name, value);
        return new Phrase(key, more);
    }

    /** The words in the reader's language. */
    public String in(Catalogue catalogue) {
        return catalogue.text(key, parameters);
    }

    /** The words in the default language: for logs and exception messages, which no caller's language chose. */
    @Override
    public String toString() {
        return in(Catalogue.chinese());
    }
}
