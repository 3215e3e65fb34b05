package org.whistle.evaluation.rankings.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {

    @Test
    void tiesShareTheBetterRankAndTheNextSkips() {
        var ranks = Ranking.rank(
                List.of(
                        new Ranking.Entry("a", 0.9),
                        new Ranking.Entry("b", 0.95),
                        new Ranking.Entry("c", 0.9),
                        new Ranking.Entry("d", 0.8),
                        new Ranking.Entry("e", null)),
                true);
        assertThat(ranks)
                .containsEntry("b", 1)
                .containsEntry("a", 2)
                .containsEntry("c", 2)
                .containsEntry("d", 4);
        assertThat(ranks).doesNotContainKey("e");
    }

    @Test
    void lowerIsBetterForRatesLikeRework() {
        var ranks = Ranking.rank(List.of(new Ranking.Entry("a", 0.1), new Ranking.Entry("b", 0.02)), false);
        assertThat(ranks).containsEntry("b", 1).containsEntry("a", 2);
    }

    @Test
    void movementReadsInChinese() {
        assertThat(Ranking.movement(2, 5)).isEqualTo("↑3");
        assertThat(Ranking.movement(5, 2)).isEqualTo("↓3");
        assertThat(Ranking.movement(3, 3)).isEqualTo("持平");
        assertThat(Ranking.movement(1, null)).isEqualTo("新上榜");
    }
}
