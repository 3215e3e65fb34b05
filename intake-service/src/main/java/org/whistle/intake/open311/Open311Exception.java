package org.whistle.intake.open311;

import org.jspecify.annotations.Nullable;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;

/**
 * An Open311 error: the HTTP status is also the {@code code} of the spec's error body. The description, given as a
 * {@link Phrase}, is worded in the caller's language (ADR 0043); a sentence keeps its one wording.
 */
public class Open311Exception extends RuntimeException {

    private final int status;
    private final transient @Nullable Phrase reason;

    public Open311Exception(int status, String description) {
        super(description);
        this.status = status;
        this.reason = null;
    }

    public Open311Exception(int status, Phrase reason) {
        super(reason.in(Catalogue.chinese()));
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    /** The description in the reader's language. */
    public String description(Catalogue catalogue) {
        return reason == null ? getMessage() : reason.in(catalogue);
    }
}
