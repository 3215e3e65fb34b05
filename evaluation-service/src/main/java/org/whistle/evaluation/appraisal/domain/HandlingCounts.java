package org.whistle.evaluation.appraisal.domain;

/**
 * The counts of an object's cases due for handling in a period (EVALUATION.md §2): due, handled, handled on time,
 * overdue and still open, reworked, extended.
 */
public record HandlingCounts(
        long due, long handled, long handledOnTime, long overdueOpen, long reworked, long extended) {

    public static final HandlingCounts NONE = new HandlingCounts(0, 0, 0, 0, 0, 0);

    /** 处置率. */
    public double handlingRate() {
        return rate(handled);
    }

    /** 按期处置率. */
    public double onTimeRate() {
        return rate(handledOnTime);
    }

    /** 超期待处置率. */
    public double overdueRate() {
        return rate(overdueOpen);
    }

    /** 返工率. */
    public double reworkRate() {
        return rate(reworked);
    }

    /** 延期率. */
    public double extensionRate() {
        return rate(extended);
    }

    private double rate(long part) {
        return due == 0 ? 0 : (double) part / due;
    }
}
