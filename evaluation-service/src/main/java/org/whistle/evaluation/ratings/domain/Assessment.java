package org.whistle.evaluation.ratings.domain;

import org.jspecify.annotations.Nullable;
import org.whistle.events.UnitRated.Quality;
import org.whistle.texts.Phrase;

/**
 * What the centre judged of a unit's part: reported in on time, came on site, stayed until done (事不完、人不撤), the
 * quality of the result, a score and a comment.
 */
public record Assessment(
        boolean reportedInOnTime,
        boolean cameOnSite,
        boolean stayedUntilDone,
        Quality quality,
        int score,
        @Nullable String comment) {

    /** The longest comment kept: a rating is a judgement, not a report. */
    public static final int MAX_COMMENT = 500;

    public Assessment {
        if (score < 0 || score > 100) {
            throw new RatingRefused("evaluation.refusal.scoreRange");
        }
        if (comment != null) {
            comment = comment.strip();
            if (comment.isEmpty()) {
                comment = null;
            } else if (comment.length() > MAX_COMMENT) {
                throw new RatingRefused(Phrase.of("evaluation.refusal.commentLong", "max", MAX_COMMENT));
            }
        }
    }

    public static String qualityName(Quality quality) {
        return switch (quality) {
            case GOOD -> "好";
            case FAIR -> "一般";
            case POOR -> "差";
        };
    }
}
