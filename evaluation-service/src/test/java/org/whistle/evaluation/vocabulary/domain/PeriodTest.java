package org.whistle.evaluation.vocabulary.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void readsEveryKindOfPeriodWithItsPreviousAndItsYearBefore() {
        var march = Period.parse("2026-03").orElseThrow();
        assertThat(march.to()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(march.previous().code()).isEqualTo("2026-02");
        assertThat(march.yearBefore().code()).isEqualTo("2025-03");
        assertThat(march.label()).isEqualTo("2026年3月");
        var q1 = Period.parse("2026-Q1").orElseThrow();
        assertThat(q1.to()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(q1.previous().code()).isEqualTo("2025-Q4");
        assertThat(q1.label()).isEqualTo("2026年第一季度");
        var range = Period.parse("2026-03-01..2026-03-10").orElseThrow();
        assertThat(range.previous().code()).isEqualTo("2026-02-19..2026-02-28");
        assertThat(Period.parse("2026-02-30")).isEmpty();
        assertThat(Period.parse("2026-13")).isEmpty();
        assertThat(Period.parse("2026-03-10..2026-03-01")).isEmpty();
    }
}
