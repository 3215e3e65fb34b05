package org.whistle.evaluation.figures.web;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.evaluation.figures.Figures;
import org.whistle.evaluation.vocabulary.domain.Counts;
import org.whistle.evaluation.vocabulary.domain.Rate;
import org.whistle.evaluation.web.ObjectView;
import org.whistle.evaluation.web.PeriodView;
import org.whistle.evaluation.web.RuleSetRef;
import org.whistle.evaluation.web.Shown;

/** A figure as the pages read it: every label in Chinese, every time in Asia/Shanghai. */
public record FigureView(
        ObjectView object,
        PeriodView period,
        String status,
        RuleSetRef ruleSet,
        String asOf,
        Values figures,
        @Nullable Values original,
        @Nullable Values pending,
        long pendingAdjustments) {

    public record CountView(String measure, String label, long value) {}

    public record RateView(
            String rate,
            String label,
            long numerator,
            long denominator,
            @Nullable Double value,
            String text) {}

    public record DurationView(String name, String mean, String p90) {}

    /** Counts, rates, the composite score and the durations. */
    public record Values(
            List<CountView> counts,
            List<RateView> rates,
            @Nullable Double composite,
            String compositeText,
            List<DurationView> durations) {

        public static Values of(Figures.Counted counted) {
            var counts = counted.counts();
            var countViews = Arrays.stream(Rate.Measure.values())
                    .map(m -> new CountView(m.name(), m.label(), m.of(counts)))
                    .toList();
            var rateViews = Arrays.stream(Rate.values())
                    .map(r -> new RateView(
                            r.name(),
                            r.label(),
                            r == Rate.SATISFACTION
                                    ? counts.satisfied() + counts.basicallySatisfied()
                                    : r.numerator().of(counts),
                            r.denominator().of(counts),
                            counted.rates().of(r),
                            Shown.percent(counted.rates().of(r))))
                    .toList();
            return new Values(
                    countViews,
                    rateViews,
                    counted.rates().composite(),
                    Shown.score(counted.rates().composite()),
                    durations(counts.durations()));
        }

        private static List<DurationView> durations(Counts.Durations d) {
            return List.of(
                    new DurationView("立案用时", Shown.duration(d.fileMean()), Shown.duration(d.fileP90())),
                    new DurationView("报到用时", Shown.duration(d.reportInMean()), Shown.duration(d.reportInP90())),
                    new DurationView("处置用时", Shown.duration(d.handleMean()), Shown.duration(d.handleP90())),
                    new DurationView("结案用时", Shown.duration(d.closeMean()), Shown.duration(d.closeP90())));
        }
    }

    /**
     * The figure as the public reads it: the published values and the original beside them once adjusted, never the
     * pending adjustments (they are not published).
     */
    public FigureView disclosed() {
        return new FigureView(object, period, status, ruleSet, asOf, figures, original, null, 0);
    }

    public static FigureView of(Figures.Figure f) {
        return new FigureView(
                ObjectView.of(f.object()),
                PeriodView.of(f.period()),
                f.closed() == null ? "实时数据（期间未关闭）" : f.closed().state().label(),
                RuleSetRef.of(f.rules().version(), f.rules().effectiveFrom()),
                Shown.time(f.asOf()),
                Values.of(f.figures()),
                f.original() == null ? null : Values.of(f.original()),
                f.pending() == null ? null : Values.of(f.pending()),
                f.pendingAdjustments());
    }
}
