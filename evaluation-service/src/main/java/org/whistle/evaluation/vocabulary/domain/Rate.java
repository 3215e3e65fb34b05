package org.whistle.evaluation.vocabulary.domain;

import java.util.function.ToLongFunction;

/**
 * The rates of EVALUATION.md §2 and 三率, each a numerator over a denominator of {@link Counts}; 满意率 adds the
 * basically-satisfied answers at the rule set's weight (figures' {@code Rates}).
 */
public enum Rate {
    ON_TIME_FILING("按时立案率", Measure.FILED_ON_TIME, Measure.FILED),
    CORRECT_DISPATCH("准确派遣率", Measure.DISPATCHED_CORRECTLY, Measure.DISPATCHED),
    HANDLING("处置率", Measure.HANDLED, Measure.DUE_FOR_HANDLING),
    ON_TIME_HANDLING("按期处置率", Measure.HANDLED_ON_TIME, Measure.DUE_FOR_HANDLING),
    OVERDUE_PENDING("超期待处置率", Measure.OVERDUE_OPEN, Measure.DUE_FOR_HANDLING),
    REWORK("返工率", Measure.REWORKED, Measure.DUE_FOR_CLOSURE),
    EXTENSION("延期率", Measure.EXTENDED, Measure.DUE_FOR_HANDLING),
    CLOSURE("结案率", Measure.CLOSED, Measure.DUE_FOR_CLOSURE),
    ON_TIME_CLOSURE("按期结案率", Measure.CLOSED_ON_TIME, Measure.DUE_FOR_CLOSURE),
    REPORT_IN("报到率", Measure.UNITS_REPORTED_IN_ON_TIME, Measure.UNITS_SUMMONED),
    RESPONSE("响应率", Measure.RESPONDED_ON_TIME, Measure.DUE_FOR_HANDLING),
    RESOLUTION("解决率", Measure.ANSWERED_RESOLVED, Measure.FOLLOWED_UP),
    SATISFACTION("满意率", Measure.SATISFIED, Measure.FOLLOWED_UP);

    private final String label;
    private final Measure numerator;
    private final Measure denominator;

    Rate(String label, Measure numerator, Measure denominator) {
        this.label = label;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public String label() {
        return label;
    }

    public Measure numerator() {
        return numerator;
    }

    public Measure denominator() {
        return denominator;
    }

    public long numeratorOf(Counts counts) {
        return numerator.of(counts);
    }

    public long denominatorOf(Counts counts) {
        return denominator.of(counts);
    }

    /** Something counted, by which a figure drills down to its cases. */
    public enum Measure {
        RAISED("上报", Counts::raised),
        EXEMPT("不计入（豁免）", Counts::exempt),
        FILED("立案", Counts::filed),
        FILED_ON_TIME("按时立案", Counts::filedOnTime),
        DISPATCHED("派遣", Counts::dispatched),
        DISPATCHED_CORRECTLY("准确派遣", Counts::dispatchedCorrectly),
        DUE_FOR_HANDLING("应处置", Counts::dueForHandling),
        HANDLED("处置", Counts::handled),
        HANDLED_ON_TIME("按期处置", Counts::handledOnTime),
        HANDLED_LATE("超期处置", Counts::handledLate),
        OVERDUE_OPEN("超期未处置", Counts::overdueOpen),
        DUE_FOR_CLOSURE("应结案", Counts::dueForClosure),
        CLOSED("结案", Counts::closed),
        CLOSED_ON_TIME("按期结案", Counts::closedOnTime),
        REWORKED("返工", Counts::reworked),
        EXTENDED("延期", Counts::extended),
        SELF_HANDLED("自行处置", Counts::selfHandled),
        RESPONDED_ON_TIME("按时响应", Counts::respondedOnTime),
        FOLLOWED_UP("已回访", Counts::followedUp),
        ANSWERED_RESOLVED("回访已解决", Counts::answeredResolved),
        SATISFIED("满意", Counts::satisfied),
        BASICALLY_SATISFIED("基本满意", Counts::basicallySatisfied),
        UNITS_SUMMONED("被吹哨单位次数", Counts::unitsSummoned),
        UNITS_REPORTED_IN_ON_TIME("按时报到单位次数", Counts::unitsReportedInOnTime);

        private final String label;
        private final ToLongFunction<Counts> count;

        Measure(String label, ToLongFunction<Counts> count) {
            this.label = label;
            this.count = count;
        }

        public String label() {
            return label;
        }

        public long of(Counts counts) {
            return count.applyAsLong(counts);
        }

        /** Whether the measure counts summoned units rather than cases. */
        public boolean perUnit() {
            return this == UNITS_SUMMONED || this == UNITS_REPORTED_IN_ON_TIME;
        }
    }
}
