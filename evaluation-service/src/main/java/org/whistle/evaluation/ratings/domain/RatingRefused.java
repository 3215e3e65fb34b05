package org.whistle.evaluation.ratings.domain;

import org.whistle.texts.Phrase;

/**
 * A transition the rating's state does not allow, by catalogue key: worded in the reader's language when answered; the
 * message (logs, tests) is the default language's.
 */
public final class RatingRefused extends RuntimeException {

    private final Phrase reason;

    public RatingRefused(Phrase reason) {
        super(reason.toString());
        this.reason = reason;
    }

    public RatingRefused(String key) {
        this(Phrase.of(key));
    }

    public Phrase reason() {
        return reason;
    }
}
