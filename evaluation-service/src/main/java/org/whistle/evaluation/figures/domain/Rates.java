package org.whistle.evaluation.figures.domain;

import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.whistle.evaluation.rules.domain.RuleSet;
import org.whistle.evaluation.vocabulary.domain.Counts;
import org.whistle.evaluation.vocabulary.domain.Rate;

/**
 * The rates of a set of counts under a rule set, and the composite score (综合指标值, 0–100). A rate over nothing
 * (denominator 0) has no value rather than 0 % or 100 %, and a composite score that needs it has none either.
 */
public record Rates(
        Map<Rate, @Nullable Double> values, @Nullable Double composite) {

    public static Rates of(Counts counts, RuleSet rules) {
        var values = new EnumMap<Rate, @Nullable Double>(Rate.class);
        for (var rate : Rate.values()) {
            long denominator = rate.denominatorOf(counts);
            if (denominator == 0) {
                values.put(rate, null);
                continue;
            }
            double numerator = rate == Rate.SATISFACTION
                    ? counts.satisfied() + rules.basicallySatisfiedWeight() * counts.basicallySatisfied()
                    : rate.numeratorOf(counts);
            values.put(rate, numerator / denominator);
        }
        Double composite = 0.0;
        for (var weight : rules.weights()) {
            var value = values.get(weight.rate());
            if (value == null) {
                composite = null;
                break;
            }
            composite += weight.weight() * (weight.inverted() ? 1 - value : value);
        }
        return new Rates(values, composite == null ? null : Math.round(composite * 100) / 100.0);
    }

    public @Nullable Double of(Rate rate) {
        return values.get(rate);
    }
}
