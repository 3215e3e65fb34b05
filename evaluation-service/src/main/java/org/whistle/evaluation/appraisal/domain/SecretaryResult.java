package org.whistle.evaluation.appraisal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.whistle.evaluation.appraisal.domain.IndicatorSet.Indicator;
import org.whistle.evaluation.appraisal.domain.IndicatorSet.Kind;

/**
 * A secretary's result for a quarter or a year: each indicator's points (automatic from the community's figures,
 * manual from the appraising body's scores), the negative-list and veto hits, the total and the stars it earns.
 *
 * <p>Automatic points are {@code points × min(1, rate / target)}, or for a rate where lower is better {@code points ×
 * (1 − min(1, rate / target))}; a period without a single case due gives full points, noted so. For a year a manual
 * item counts the mean of its quarters' scores.
 */
public record SecretaryResult(
        List<Line> lines, double total, boolean vetoed, int negativeStars, int earnedStars, int maxStars) {

    /** One indicator in the result. {@code figure} is the rate in per cent for an automatic indicator. */
    public record Line(
            Indicator indicator,
            @Nullable Double points,
            @Nullable Double figure,
            String note,
            List<String> evidence,
            int hits) {}

    /** A manual score or a hit the appraising body recorded. */
    public record Scored(
            String code, String period, @Nullable Double points, String evidence) {}

    /**
     * @param rates the community's rates for the period per source (0–1), absent when no case was due
     * @param scored the standing manual scores and the hits of the period (for a year: of its quarters)
     */
    public static SecretaryResult of(
            IndicatorSet set, Map<IndicatorSet.Source, @Nullable Double> rates, List<Scored> scored) {
        var lines = new ArrayList<Line>();
        double total = 0;
        boolean vetoed = false;
        int negativeStars = 0;
        for (var indicator : set.indicators()) {
            var mine = scored.stream()
                    .filter(s -> s.code().equals(indicator.code()))
                    .toList();
            var evidence = mine.stream()
                    .map(s -> periodName(s.period()) + "：" + s.evidence())
                    .toList();
            switch (indicator.kind()) {
                case AUTO -> {
                    var source = java.util.Objects.requireNonNull(indicator.source());
                    var rate = rates.get(source);
                    double target = java.util.Objects.requireNonNull(indicator.target());
                    double points;
                    String note;
                    if (source.isCount()) {
                        // a count of participation: none is none, not "nothing was due"
                        double count = rate == null ? 0 : rate;
                        points = indicator.points() * Math.min(1, count / target);
                        note = source.label() + " " + whole(count) + " " + source.unit() + "，目标 " + whole(target) + " "
                                + source.unit() + "（党员数据自动计分）";
                        total += points;
                        lines.add(new Line(indicator, round(points), count, note, evidence, 0));
                        break;
                    }
                    if (rate == null) {
                        points = indicator.points();
                        note = "本期无应计案件，按满分计";
                    } else {
                        double share = Math.min(1, rate / target);
                        points = indicator.points() * (source.lowerIsBetter() ? 1 - share : share);
                        note = source.label() + " " + percent(rate) + "%，"
                                + (source.lowerIsBetter() ? "达到 " : "目标 ") + percent(target) + "%"
                                + (source.lowerIsBetter() ? " 不得分" : "");
                    }
                    total += points;
                    lines.add(
                            new Line(indicator, round(points), rate == null ? null : percent(rate), note, evidence, 0));
                }
                case MANUAL -> {
                    var points = mine.stream()
                            .filter(s -> s.points() != null)
                            .mapToDouble(s -> java.util.Objects.requireNonNull(s.points()))
                            .average();
                    if (points.isPresent()) {
                        total += points.getAsDouble();
                    }
                    lines.add(new Line(
                            indicator,
                            points.isPresent() ? round(points.getAsDouble()) : null,
                            null,
                            points.isPresent() ? "考核单位评分" : "尚未评分",
                            evidence,
                            0));
                }
                case NEGATIVE -> {
                    negativeStars += indicator.stars() * mine.size();
                    lines.add(new Line(
                            indicator,
                            null,
                            null,
                            mine.isEmpty()
                                    ? "未发生"
                                    : "发生 " + mine.size() + " 次，降 " + indicator.stars() * mine.size() + " 星",
                            evidence,
                            mine.size()));
                }
                case VETO -> {
                    vetoed |= !mine.isEmpty();
                    lines.add(new Line(indicator, null, null, mine.isEmpty() ? "未发生" : "一票否决", evidence, mine.size()));
                }
            }
        }
        int earned = vetoed ? 0 : Math.max(1, set.starsFor(total) - negativeStars);
        int max = set.stars().getFirst().stars();
        return new SecretaryResult(lines, round(total), vetoed, negativeStars, earned, max);
    }

    /** {@code 2026-Q1} → 2026年第1季度, {@code 2026} → 2026年. */
    public static String periodName(String period) {
        return period.contains("-Q") ? period.replace("-Q", "年第") + "季度" : period + "年";
    }

    private static String whole(double count) {
        return count == Math.rint(count) ? Long.toString((long) count) : Double.toString(count);
    }

    private static double percent(double rate) {
        return Math.round(rate * 10000) / 100.0;
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    /** Whether the kind is scored in points or recorded as a hit. */
    public static boolean isHit(Kind kind) {
        return kind == Kind.NEGATIVE || kind == Kind.VETO;
    }
}
