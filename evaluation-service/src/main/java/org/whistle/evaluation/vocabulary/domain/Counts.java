package org.whistle.evaluation.vocabulary.domain;

import org.jspecify.annotations.Nullable;

/**
 * The counts of EVALUATION.md §2 for one object and period, with the durations. Exempt cases are counted in
 * {@code exempt} and {@code raised} only.
 *
 * @param unitsSummoned units summoned whose report-in clock fell due in the period
 * @param unitsReportedInOnTime of those, the ones that reported in before their clock expired
 */
public record Counts(
        long raised,
        long exempt,
        long filed,
        long filedOnTime,
        long dispatched,
        long dispatchedCorrectly,
        long dueForHandling,
        long handled,
        long handledOnTime,
        long handledLate,
        long overdueOpen,
        long dueForClosure,
        long closed,
        long closedOnTime,
        long reworked,
        long extended,
        long selfHandled,
        long respondedOnTime,
        long followedUp,
        long answeredResolved,
        long satisfied,
        long basicallySatisfied,
        long unitsSummoned,
        long unitsReportedInOnTime,
        Durations durations) {

    /** Mean and 90th percentile, in seconds, of the time to file, to report in, to handle and to close. */
    public record Durations(
            @Nullable Double fileMean,
            @Nullable Double fileP90,
            @Nullable Double reportInMean,
            @Nullable Double reportInP90,
            @Nullable Double handleMean,
            @Nullable Double handleP90,
            @Nullable Double closeMean,
            @Nullable Double closeP90) {

        public static final Durations NONE = new Durations(null, null, null, null, null, null, null, null);
    }

    public static final Counts NONE =
            new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Durations.NONE);

    /** These counts with overdue-and-open counted apart (it depends on the moment of reading). */
    public Counts withOverdueOpen(long count) {
        return new Counts(
                raised,
                exempt,
                filed,
                filedOnTime,
                dispatched,
                dispatchedCorrectly,
                dueForHandling,
                handled,
                handledOnTime,
                handledLate,
                count,
                dueForClosure,
                closed,
                closedOnTime,
                reworked,
                extended,
                selfHandled,
                respondedOnTime,
                followedUp,
                answeredResolved,
                satisfied,
                basicallySatisfied,
                unitsSummoned,
                unitsReportedInOnTime,
                durations);
    }

    /** These counts with the unit counts of another query (report-in is counted per summoned unit). */
    public Counts withUnits(long summoned, long reportedInOnTime, @Nullable Double mean, @Nullable Double p90) {
        return new Counts(
                raised,
                exempt,
                filed,
                filedOnTime,
                dispatched,
                dispatchedCorrectly,
                dueForHandling,
                handled,
                handledOnTime,
                handledLate,
                overdueOpen,
                dueForClosure,
                closed,
                closedOnTime,
                reworked,
                extended,
                selfHandled,
                respondedOnTime,
                followedUp,
                answeredResolved,
                satisfied,
                basicallySatisfied,
                summoned,
                reportedInOnTime,
                new Durations(
                        durations.fileMean(),
                        durations.fileP90(),
                        mean,
                        p90,
                        durations.handleMean(),
                        durations.handleP90(),
                        durations.closeMean(),
                        durations.closeP90()));
    }
}
