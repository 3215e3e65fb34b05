package org.whistle.evaluation.ratings.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.whistle.events.Actor;
import org.whistle.events.UnitRated;
import org.whistle.events.UnitRated.AppealDecision;
import org.whistle.texts.Phrase;

/**
 * A unit's rating for its part in one whistle, with its one appeal: 待评价 → 已评价 → 申诉中 → 已裁定. Each transition
 * checks the state it starts from and refuses anything else with a reason a person reads; nothing goes back.
 *
 * @param version the number of changes so far, the revision of the event each change publishes
 */
public record UnitRating(
        RatingId id,
        Part part,
        Status status,
        long version,
        @Nullable Assessment assessment,
        @Nullable Step rated,
        @Nullable String appealReason,
        @Nullable Step appealed,
        @Nullable AppealDecision decision,
        @Nullable Integer decidedScore,
        @Nullable String decisionReason,
        @Nullable Step decided) {

    /** The longest reason kept for an appeal or a decision. */
    public static final int MAX_REASON = 1000;

    /** Where the rating stands. */
    public enum Status {
        TO_RATE("待评价"),
        RATED("已评价"),
        APPEALED("申诉中"),
        DECIDED("已裁定");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Who did a step, in which post, and when. */
    public record Step(Actor actor, @Nullable String name, Instant at) {}

    /** A part that ended and waits for the centre's rating. */
    public static UnitRating toRate(RatingId id, Part part) {
        return new UnitRating(id, part, Status.TO_RATE, 0, null, null, null, null, null, null, null, null);
    }

    /** The part as the case now tells it: only while nobody has rated it yet (a rating judges what it saw). */
    public UnitRating withPart(Part newer) {
        if (status != Status.TO_RATE) {
            return this;
        }
        return new UnitRating(id, newer, status, version, null, null, null, null, null, null, null, null);
    }

    public UnitRating rate(Assessment assessment, Step step) {
        if (status != Status.TO_RATE) {
            throw new RatingRefused("evaluation.refusal.ratedAlready");
        }
        return new UnitRating(
                id, part, Status.RATED, version + 1, assessment, step, null, null, null, null, null, null);
    }

    public UnitRating appeal(String reason, Step step) {
        if (status == Status.TO_RATE) {
            throw new RatingRefused("evaluation.refusal.nothingToAppeal");
        }
        if (status != Status.RATED) {
            throw new RatingRefused("evaluation.refusal.appealedOnce");
        }
        return new UnitRating(
                id,
                part,
                Status.APPEALED,
                version + 1,
                assessment,
                rated,
                reason(reason, "evaluation.refusal.appealReason"),
                step,
                null,
                null,
                null,
                null);
    }

    /**
     * The level above decides: upholds the rating, or amends its score.
     *
     * @param amendedScore the new score, or null to uphold the rating
     */
    public UnitRating decide(@Nullable Integer amendedScore, String reason, Step step) {
        if (status != Status.APPEALED) {
            throw new RatingRefused(
                    status == Status.DECIDED ? "evaluation.refusal.appealDecided" : "evaluation.refusal.noAppeal");
        }
        if (amendedScore != null && (amendedScore < 0 || amendedScore > 100)) {
            throw new RatingRefused("evaluation.refusal.scoreRange");
        }
        var outcome =
                amendedScore == null || amendedScore == requireAssessment().score()
                        ? AppealDecision.UPHELD
                        : AppealDecision.AMENDED;
        return new UnitRating(
                id,
                part,
                Status.DECIDED,
                version + 1,
                assessment,
                rated,
                appealReason,
                appealed,
                outcome,
                outcome == AppealDecision.AMENDED ? amendedScore : null,
                reason(reason, "evaluation.refusal.decisionReason"),
                step);
    }

    public Assessment requireAssessment() {
        if (assessment == null) {
            throw new RatingRefused("evaluation.refusal.notRated");
        }
        return assessment;
    }

    /** The score that stands: the decision's when it amended the rating, else the centre's; null until rated. */
    public @Nullable Integer standingScore() {
        if (assessment == null) {
            return null;
        }
        return decidedScore != null ? decidedScore : assessment.score();
    }

    /** The event this rating's latest change publishes: the rating itself, or the decision on its appeal. */
    public UnitRated event() {
        var a = requireAssessment();
        var last = status == Status.DECIDED ? decided : rated;
        if (last == null || (status != Status.RATED && status != Status.DECIDED)) {
            throw new IllegalStateException("only a rating or a decision is published, not " + status);
        }
        return new UnitRated(
                id.value(),
                new org.whistle.events.WhistleId(part.whistleId()),
                part.ticketId() == null ? null : new org.whistle.events.TicketId(part.ticketId()),
                part.ticketNumber(),
                part.unitId(),
                part.centreId(),
                part.ended(),
                a.reportedInOnTime(),
                a.cameOnSite(),
                a.stayedUntilDone(),
                a.quality(),
                java.util.Objects.requireNonNull(standingScore()),
                status == Status.DECIDED ? UnitRated.Stage.APPEAL_DECIDED : UnitRated.Stage.RATED,
                decision,
                last.actor(),
                last.at());
    }

    /** The reason stripped; refused by {@code required} when empty, and when longer than {@link #MAX_REASON}. */
    private static String reason(String text, String required) {
        var stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new RatingRefused(required);
        }
        if (stripped.length() > MAX_REASON) {
            throw new RatingRefused(Phrase.of("evaluation.refusal.reasonLong", "max", MAX_REASON));
        }
        return stripped;
    }
}
