package org.whistle.evaluation.ratings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.whistle.events.Actor;
import org.whistle.events.UnitRated;

/** The rating's transitions: each from the one state it allows, one appeal, one decision. */
class UnitRatingTest {

    private static final Instant AT = Instant.parse("2026-03-02T01:00:00Z");
    private static final UnitRating.Step STREET =
            new UnitRating.Step(new Actor("s-1", "CC-S1", "STREET_DISPATCHER"), "孙宏伟", AT);
    private static final UnitRating.Step UNIT =
            new UnitRating.Step(new Actor("u-1", "DEP-WATER", "DEPARTMENT_OFFICER"), "马海涛", AT.plusSeconds(60));
    private static final UnitRating.Step DISTRICT =
            new UnitRating.Step(new Actor("d-1", "CC-D", "DISTRICT_DISPATCHER"), "刘艳", AT.plusSeconds(120));

    private static UnitRating toRate() {
        return UnitRating.toRate(
                new RatingId(UUID.randomUUID()),
                new Part(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "T-1",
                        "DEP-WATER",
                        "CC-S1",
                        UnitRated.PartEnded.DONE,
                        AT.minusSeconds(3600),
                        AT.minusSeconds(7200),
                        AT.minusSeconds(7000),
                        false,
                        null));
    }

    private static Assessment fair(int score) {
        return new Assessment(true, true, false, UnitRated.Quality.FAIR, score, "  ");
    }

    @Test
    void walksFromToRateToDecidedAndPublishesTheStandingScore() {
        var rated = toRate().rate(fair(70), STREET);
        assertThat(rated.status()).isEqualTo(UnitRating.Status.RATED);
        assertThat(rated.assessment().comment())
                .as("a blank comment is no comment")
                .isNull();
        assertThat(rated.event().stage()).isEqualTo(UnitRated.Stage.RATED);
        assertThat(rated.event().score()).isEqualTo(70);

        var decided = rated.appeal("人员在场", UNIT).decide(80, "照片为证", DISTRICT);
        assertThat(decided.version()).isEqualTo(3);
        assertThat(decided.standingScore()).isEqualTo(80);
        assertThat(decided.event().appealDecision()).isEqualTo(UnitRated.AppealDecision.AMENDED);
        assertThat(decided.event().actor().userId()).isEqualTo("d-1");

        var upheld = rated.appeal("不服", UNIT).decide(70, "维持", DISTRICT);
        assertThat(upheld.decision()).isEqualTo(UnitRated.AppealDecision.UPHELD);
        assertThat(upheld.standingScore()).isEqualTo(70);
    }

    @Test
    void refusesEveryStepOutOfTurn() {
        var fresh = toRate();
        assertThatThrownBy(() -> fresh.appeal("不服", UNIT)).hasMessage("尚未评价，无可申诉");
        assertThatThrownBy(() -> fresh.decide(null, "维持", DISTRICT)).hasMessage("这条评价没有待裁定的申诉");
        var rated = fresh.rate(fair(70), STREET);
        assertThatThrownBy(() -> rated.rate(fair(90), STREET)).isInstanceOf(RatingRefused.class);
        var appealed = rated.appeal("不服", UNIT);
        assertThatThrownBy(() -> appealed.appeal("再申诉", UNIT)).hasMessage("每条评价只能申诉一次，这条已经申诉过");
        var decided = appealed.decide(null, "维持", DISTRICT);
        assertThatThrownBy(() -> decided.decide(60, "改", DISTRICT)).hasMessage("这条申诉已经裁定，不能再次裁定");
        assertThatThrownBy(() -> decided.appeal("再申诉", UNIT)).isInstanceOf(RatingRefused.class);
        assertThatThrownBy(() -> fair(101)).hasMessage("评分须在 0 到 100 之间");
        assertThat(rated.withPart(fresh.part()))
                .as("a rated part keeps what was rated")
                .isSameAs(rated);
    }
}
