package org.whistle.problems;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;

/**
 * One rejected row of a bulk import: the file, its 1-based row number (the header is row 1), the column and why.
 * {@code reason}, where given, is the why by catalogue key (ADR 0043): the answer words it in the caller's language,
 * and {@code message} is its Chinese wording. A row error built from a sentence keeps that sentence in every language.
 */
public record RowError(
        String file,
        int row,
        @Nullable String column,
        String message,
        @JsonIgnore @Nullable Phrase reason) {

    public RowError(String file, int row, @Nullable String column, String message) {
        this(file, row, column, message, null);
    }

    public RowError(String file, int row, @Nullable String column, Phrase reason) {
        this(file, row, column, reason.in(Catalogue.chinese()), reason);
    }

    /** A field's violation reported against a row and column of the file, worded as the violation is. */
    public static RowError of(String file, int row, @Nullable String column, Violation violation) {
        return new RowError(file, row, column, violation.message(), violation.reason());
    }

    /** This row error worded for a reader of the given catalogue's language. */
    public RowError in(Catalogue catalogue) {
        return reason == null ? this : new RowError(file, row, column, reason.in(catalogue), reason);
    }
}
