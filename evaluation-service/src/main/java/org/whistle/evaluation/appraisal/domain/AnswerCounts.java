package org.whistle.evaluation.appraisal.domain;

/**
 * How summonses were answered in a period: units summoned, of them reported in within the limit (报到率), parts ended,
 * of them done rather than declined.
 */
public record AnswerCounts(long summoned, long reportedInOnTime, long ended, long done) {

    public static final AnswerCounts NONE = new AnswerCounts(0, 0, 0, 0);

    /** 报到率. */
    public double reportInRate() {
        return summoned == 0 ? 0 : (double) reportedInOnTime / summoned;
    }

    /** Parts done of the parts that ended. */
    public double doneRate() {
        return ended == 0 ? 0 : (double) done / ended;
    }
}
