package org.whistle.evaluation.ratings.domain;

/** A transition the rating's state does not allow; the message is for a person, in Chinese. */
public final class RatingRefused extends RuntimeException {

    public RatingRefused(String message) {
        super(message);
    }
}
