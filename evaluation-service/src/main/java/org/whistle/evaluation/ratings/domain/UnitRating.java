package org.whistle.evaluation.ratings.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.whistle.events.Actor;
import org.whistle.events.UnitRated;
import org.whistle.events.UnitRated.AppealDecision;

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
            throw new RatingRefused("这条评价已于" + status.label() + "，不能再次评价");
        }
        return new UnitRating(
                id, part, Status.RATED, version + 1, assessment, step, null, null, null, null, null, null);
    }

    public UnitRating appeal(String reason, Step step) {
        if (status == Status.TO_RATE) {
            throw new RatingRefused("尚未评价，无可申诉");
        }
        if (status != Status.RATED) {
            throw new RatingRefused("每条评价只能申诉一次，这条已经申诉过");
        }
        return new UnitRating(
                id,
                part,
                Status.APPEALED,
                version + 1,
                assessment,
                rated,
                reason(reason, "申诉理由"),
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
            throw new RatingRefused(status == Status.DECIDED ? "这条申诉已经裁定，不能再次裁定" : "这条评价没有待裁定的申诉");
        }
        if (amendedScore != null && (amendedScore < 0 || amendedScore > 100)) {
            throw new RatingRefused("评分须在 0 到 100 之间");
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
                reason(reason, "裁定理由"),
                step);
    }

    public Assessment requireAssessment() {
        if (assessment == null) {
            throw new RatingRefused("尚未评价");
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

    private static String reason(String text, String what) {
        var stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new RatingRefused("请填写" + what);
        }
        if (stripped.length() > MAX_REASON) {
            throw new RatingRefused(what + "不能超过 " + MAX_REASON + " 个字");
        }
        return stripped;
    }
}
