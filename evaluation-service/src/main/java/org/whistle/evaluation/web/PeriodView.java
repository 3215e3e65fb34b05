package org.whistle.evaluation.web;

import org.whistle.evaluation.vocabulary.domain.Period;

/** The period a figure or a ranking is counted over, with its Chinese label; the figures and rankings APIs share it. */
public record PeriodView(String code, String label, String from, String to) {
    public static PeriodView of(Period period) {
        return new PeriodView(
                period.code(),
                period.label(),
                period.from().toString(),
                period.to().toString());
    }
}
