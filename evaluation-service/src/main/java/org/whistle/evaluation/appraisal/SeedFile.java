package org.whistle.evaluation.appraisal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.evaluation.appraisal.domain.IndicatorSet;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/**
 * Indicator sets and secretaries as a file holds them ({@code demo/evaluation/secretary-appraisal-2026.json}) and as
 * an administrator posts a set.
 */
public record SeedFile(
        @Nullable List<SetData> indicatorSets, @Nullable List<SecretaryData> secretaries) {

    /** An indicator set. */
    public record SetData(
            @Nullable String id,
            @Nullable Integer year,
            @Nullable String level,
            @Nullable String name,
            @Nullable Double basicallySatisfiedWeight,
            @Nullable List<IndicatorSet.StarThreshold> stars,
            @Nullable List<IndicatorData> indicators) {

        /** The set, or InvalidInputException naming what is missing. */
        public IndicatorSet toSet() {
            if (id == null || id.isBlank() || id.length() > 64 || year == null || level == null || name == null) {
                throw InvalidInputException.of("indicatorSet", Phrase.of("evaluation.refusal.setHeader"));
            }
            if (indicators == null || indicators.isEmpty() || indicators.size() > 200) {
                throw InvalidInputException.of("indicatorSet", Phrase.of("evaluation.refusal.setSize"));
            }
            if (name.length() > 200) {
                throw InvalidInputException.of("indicatorSet", Phrase.of("evaluation.refusal.setNameLong"));
            }
            return new IndicatorSet(
                    id,
                    year,
                    level,
                    name,
                    basicallySatisfiedWeight == null ? 0.8 : basicallySatisfiedWeight,
                    stars == null ? List.of() : stars,
                    indicators.stream().map(IndicatorData::toIndicator).toList());
        }
    }

    /** One indicator. */
    public record IndicatorData(
            @Nullable String code,
            @Nullable String group,
            @Nullable String name,
            IndicatorSet.@Nullable Kind kind,
            IndicatorSet.@Nullable Source source,
            @Nullable Double points,
            @Nullable Double target,
            @Nullable Integer stars) {

        IndicatorSet.Indicator toIndicator() {
            if (code == null || group == null || name == null || kind == null) {
                throw InvalidInputException.of("indicatorSet", Phrase.of("evaluation.refusal.indicatorFields"));
            }
            if (code.length() > 16 || group.length() > 100 || name.length() > 200) {
                throw InvalidInputException.of("indicatorSet", Phrase.of("evaluation.refusal.indicatorFieldsLong"));
            }
            return new IndicatorSet.Indicator(
                    code, group, name, kind, source, points == null ? 0 : points, target, stars == null ? 0 : stars);
        }
    }

    /** A secretary and the stars of their first rating (初评). */
    public record SecretaryData(String community, String name, String level, LocalDate tookOffice, int stars) {}
}
