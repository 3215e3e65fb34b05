package org.whistle.problems;

import org.jspecify.annotations.Nullable;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;

/**
 * The request contradicts the current state (a duplicate code, a transition the state forbids): rendered as 409.
 * The reason names the state the caller ran into; given as a {@link Phrase} it is worded in the caller's language.
 */
public class ConflictException extends RuntimeException {

    private final @Nullable Phrase reason;

    public ConflictException(String message) {
        super(message);
        this.reason = null;
    }

    public ConflictException(Phrase reason) {
        super(reason.in(Catalogue.chinese()));
        this.reason = reason;
    }

    /** The reason by key, when it was given so. */
    public @Nullable Phrase reason() {
        return reason;
    }

    /** The reason in the reader's language. */
    public String reason(Catalogue catalogue) {
        return reason == null ? getMessage() : reason.in(catalogue);
    }
}
