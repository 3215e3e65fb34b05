package org.whistle.problems;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;

/**
 * One thing wrong with a request: the field (a JSON path such as {@code location.lat}, or a CSV column) and why.
 * {@code reason}, where given, is the why by catalogue key (ADR 0043): the answer words it in the caller's language,
 * and {@code message} is its Chinese wording. A violation built from a sentence keeps that sentence in every language.
 */
public record Violation(
        String field, String message, @JsonIgnore @Nullable Phrase reason) {

    public Violation(String field, String message) {
        this(field, message, null);
    }

    public Violation(String field, Phrase reason) {
        this(field, reason.in(Catalogue.chinese()), reason);
    }

    /** This violation worded for a reader of the given catalogue's language. */
    public Violation in(Catalogue catalogue) {
        return reason == null ? this : new Violation(field, reason.in(catalogue), reason);
    }
}
