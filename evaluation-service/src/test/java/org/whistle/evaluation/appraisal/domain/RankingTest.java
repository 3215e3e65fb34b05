package org.whistle.evaluation.appraisal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Ties share a rank and the next skips; movement against the period before; periods by name. */
class RankingTest {

    @Test
    void ranksWithTiesAndMovement() {
        var now = new LinkedHashMap<String, @Nullable Double>();
        now.put("A", 90.001);
        now.put("B", 95.0);
        now.put("C", 90.0);
        now.put("D", null);
        now.put("E", 70.0);
        var before = Map.<String, @Nullable Double>of("A", 99.0, "B", 80.0, "E", 85.0);

        assertThat(Ranking.rank(now, before))
                .extracting(p -> p.id() + " " + p.rank() + " " + p.movement())
                .containsExactly("B 1 2", "A 2 -1", "C 2 null", "E 4 -2", "D null null");
    }

    @Test
    void readsPeriodsAndTheirPredecessors() {
        assertThat(Period.named("2026-03").previous().from()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(Period.named("2026-Q1").previous().to()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(Period.named("2026-Q1").previous().from()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(Period.named("2026").label()).isEqualTo("2026年");
        assertThat(Period.between(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 16))
                        .previous()
                        .from())
                .isEqualTo(LocalDate.of(2026, 3, 3));
        assertThatThrownBy(() -> Period.named("2026-13")).hasMessageContaining("没有这个月份");
        assertThatThrownBy(() -> Period.between(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1)))
                .hasMessageContaining("366");
    }

    @Test
    void weighsTheCompositeAndTheOtherSide() {
        var w = new AppraisalWeights(
                AppraisalWeights.Kind.DEPARTMENT, LocalDate.of(2024, 1, 1), 30, 20, 20, 20, 10, 0.6, 0.4);
        var counts = new HandlingCounts(4, 3, 2, 1, 1, 0);
        // 0.75 × 30 + 0.5 × 20 + 0.75 × 20 + 0.75 × 20 + 1 × 10 = 72.5
        assertThat(w.composite(counts)).isEqualTo(72.5);
        assertThat(w.combine(72.5, 90.0)).isEqualTo(79.5);
        assertThat(w.combine(null, 90.0)).isEqualTo(90.0);
        assertThat(w.composite(HandlingCounts.NONE)).isNull();
        assertThatThrownBy(() -> new AppraisalWeights(
                        AppraisalWeights.Kind.STREET, LocalDate.of(2024, 1, 1), 30, 20, 20, 20, 20, 0.6, 0.4))
                .hasMessageContaining("100");
    }
}
