package org.whistle.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * 双考核: the command centre that summoned a unit rated the unit's part in a whistle once that part ended (done,
 * declined or withdrawn), or the level above decided the unit's appeal against that rating. Published by
 * evaluation-service on {@link Topics#EVALUATION_RATINGS}, keyed by the rating, one event per rating and decision:
 * the highest revision of a rating is its standing result. Carries no free text (the comment and the reasons stay in
 * evaluation-service, where only those entitled read them).
 *
 * @param ratingId the rating, one per unit and whistle
 * @param centreId the command centre that summoned the unit and rated it
 * @param partEnded how the unit's part ended
 * @param reportedInOnTime the unit reported in (报到) within the limit
 * @param cameOnSite the unit came on site
 * @param stayedUntilDone the unit stayed until the matter was done (事不完、人不撤)
 * @param score the standing score, 0–100: the centre's, or the one the appeal's decision set
 * @param stage whether this is the centre's rating or the decision on an appeal against it
 * @param appealDecision on a decision: whether the rating was upheld or amended; absent on the rating itself
 * @param actor who rated or decided
 */
public record UnitRated(
        UUID ratingId,
        WhistleId whistleId,
        @Nullable TicketId ticketId,
        @Nullable String ticketNumber,
        String unitId,
        String centreId,
        PartEnded partEnded,
        boolean reportedInOnTime,
        boolean cameOnSite,
        boolean stayedUntilDone,
        Quality quality,
        int score,
        Stage stage,
        @Nullable AppealDecision appealDecision,
        Actor actor,
        Instant at)
        implements EventData {

    @Override
    public String key() {
        return ratingId.toString();
    }

    /** How the unit's part in the whistle ended. */
    public enum PartEnded {
        DONE,
        DECLINED,
        WITHDRAWN
    }

    /** The quality of the unit's result (处置质量). */
    public enum Quality {
        GOOD,
        FAIR,
        POOR
    }

    /** Which step of the rating this event records. */
    public enum Stage {
        RATED,
        APPEAL_DECIDED
    }

    /** The higher level's decision on an appeal. */
    public enum AppealDecision {
        UPHELD,
        AMENDED
    }
}
