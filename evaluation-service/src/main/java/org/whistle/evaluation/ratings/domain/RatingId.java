package org.whistle.evaluation.ratings.domain;

import java.util.UUID;

/** A rating of one unit's part in one whistle. */
public record RatingId(UUID value) {

    /**
     * The rating of a unit's part in a whistle: the same id whenever and wherever the part is found again (a
     * redelivery, a rebuild into a fresh database), so it matches the id the published events carry.
     */
    public static RatingId forPart(UUID whistleId, String unitId) {
        return new RatingId(UUID.nameUUIDFromBytes(
                ("unit-rating:" + whistleId + ":" + unitId).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public static RatingId of(String text) {
        return new RatingId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
