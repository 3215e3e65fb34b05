package org.whistle.evaluation.appraisal.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/**
 * A year's indicators for one level (e.g. the "6+32" set for communities): indicators filled from the community's
 * case figures, manual items the appraising body scores with evidence, negative-list items that take stars away, and
 * one-vote veto items. Data a city edits, a new set each year; a set is never changed once appraisals use it.
 *
 * @param basicallySatisfiedWeight how much a "basically satisfied" answer counts in 满意率 (e.g. 0.8)
 * @param stars the annual total each star rating needs, highest first
 */
public record IndicatorSet(
        String id,
        int year,
        String level,
        String name,
        double basicallySatisfiedWeight,
        List<StarThreshold> stars,
        List<Indicator> indicators) {

    public IndicatorSet {
        stars = stars.stream()
                .sorted(Comparator.comparingDouble(StarThreshold::min).reversed())
                .toList();
        indicators = List.copyOf(indicators);
        if (indicators.stream().map(Indicator::code).distinct().count() != indicators.size()) {
            throw InvalidInputException.of("indicatorSet", Phrase.of("evaluation.refusal.indicatorCodesRepeat"));
        }
        if (basicallySatisfiedWeight < 0 || basicallySatisfiedWeight > 1) {
            throw InvalidInputException.of("indicatorSet", Phrase.of("evaluation.refusal.basicWeight"));
        }
        if (stars.isEmpty()) {
            throw InvalidInputException.of("indicatorSet", Phrase.of("evaluation.refusal.starThresholds"));
        }
    }

    /** The total a star rating needs. */
    public record StarThreshold(double min, int stars) {}

    /** What an indicator is. */
    public enum Kind {
        /** Filled from the community's case figures. */
        AUTO("自动计分"),
        /** Scored by the appraising body, with evidence. */
        MANUAL("考核评分"),
        /** Negative list: each hit takes stars away at once. */
        NEGATIVE("负面清单"),
        /** One-vote veto: a hit fails the year and takes every star. */
        VETO("一票否决");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The figure an automatic indicator reads: a rate of the community's cases (0–1, target a rate), or a count of
     * party-member participation from members-service (target a number of members or tasks).
     */
    public enum Source {
        RESPONSE_RATE("响应率", false, null),
        RESOLUTION_RATE("解决率", false, null),
        SATISFACTION_RATE("满意率", false, null),
        ON_TIME_HANDLING("按期处置率", false, null),
        REWORK_RATE("返工率", true, null),
        WHISTLES_ANSWERED("吹哨报到率", false, null),
        /** In-service members (在职党员) reported to the community's compounds by the period's end. */
        MEMBERS_REPORTED("在职党员报到人数", false, "人"),
        /** Member tasks (吹哨报到、志愿服务) done in the community's compounds within the period. */
        MEMBER_TASKS_DONE("党员完成任务数", false, "项");

        private final String label;
        private final boolean lowerIsBetter;
        private final @Nullable String unit;

        Source(String label, boolean lowerIsBetter, @Nullable String unit) {
            this.label = label;
            this.lowerIsBetter = lowerIsBetter;
            this.unit = unit;
        }

        public String label() {
            return label;
        }

        public boolean lowerIsBetter() {
            return lowerIsBetter;
        }

        /** A count (with its unit, 人 or 项) rather than a rate. */
        public boolean isCount() {
            return unit != null;
        }

        /** The unit of a count; empty for a rate. */
        public String unit() {
            return unit == null ? "" : unit;
        }
    }

    /**
     * One indicator.
     *
     * @param points the most it scores (AUTO, MANUAL)
     * @param target for AUTO: the rate that earns full points; for a rate where lower is better (返工率), the rate
     *     that earns none
     * @param stars for NEGATIVE: the stars each hit takes away
     */
    public record Indicator(
            String code,
            String group,
            String name,
            Kind kind,
            @Nullable Source source,
            double points,
            @Nullable Double target,
            int stars) {

        public Indicator {
            if (kind == Kind.AUTO && (source == null || target == null || target <= 0)) {
                throw InvalidInputException.of(
                        "indicatorSet", Phrase.of("evaluation.refusal.autoIndicatorSource", "code", code));
            }
            if (points < 0 || stars < 0) {
                throw InvalidInputException.of("indicatorSet", Phrase.of("evaluation.refusal.pointsNotNegative"));
            }
        }
    }

    public Optional<Indicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The stars a total earns. */
    public int starsFor(double total) {
        return stars.stream()
                .filter(t -> total >= t.min())
                .findFirst()
                .map(StarThreshold::stars)
                .orElse(stars.getLast().stars());
    }
}
