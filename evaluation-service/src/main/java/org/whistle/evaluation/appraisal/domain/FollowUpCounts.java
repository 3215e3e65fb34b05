package org.whistle.evaluation.appraisal.domain;

/**
 * The counts behind 三率 for an area and period: cases due, signed for and the reporter contacted in time (响应), cases
 * followed up with an authentic answer, of them resolved, satisfied and basically satisfied.
 */
public record FollowUpCounts(
        long due, long respondedOnTime, long followedUp, long resolved, long satisfied, long basicallySatisfied) {

    public static final FollowUpCounts NONE = new FollowUpCounts(0, 0, 0, 0, 0, 0);

    /** 响应率. */
    public double responseRate() {
        return due == 0 ? 0 : (double) respondedOnTime / due;
    }

    /** 解决率. */
    public double resolutionRate() {
        return followedUp == 0 ? 0 : (double) resolved / followedUp;
    }

    /** 满意率, with "basically satisfied" counted at the given weight. */
    public double satisfactionRate(double basicallySatisfiedWeight) {
        return followedUp == 0 ? 0 : (satisfied + basicallySatisfied * basicallySatisfiedWeight) / followedUp;
    }
}
