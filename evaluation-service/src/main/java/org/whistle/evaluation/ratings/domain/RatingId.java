package org.whistle.evaluation.ratings.domain;

import java.util.UUID;

/** A rating of one unit's part in one whistle. */
public record RatingId(UUID value) {

    public static RatingId of(String text) {
        return new RatingId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
