package org.whistle.intake.following.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whistle.intake.following.domain.ProgressSteps.State;
import org.whistle.intake.raising.domain.PublicStatus;

class ProgressStepsTest {

    private static final Instant RAISED = Instant.parse("2026-12-07T01:00:00Z");
    private static final Instant FILED = Instant.parse("2026-12-07T01:10:00Z");
    private static final Instant DISPATCHED = Instant.parse("2026-12-07T01:20:00Z");
    private static final Instant RETURNED = Instant.parse("2026-12-07T01:15:00Z");
    private static final Instant RESOLVED = Instant.parse("2026-12-07T03:00:00Z");

    @Test
    void aResolvedWhistleWaitsForTheReportersRating() {
        var steps = ProgressSteps.of(
                PublicStatus.RESOLVED,
                Map.of(
                        PublicStatus.RAISED, RAISED,
                        PublicStatus.FILED, FILED,
                        PublicStatus.DISPATCHED, DISPATCHED,
                        PublicStatus.RESOLVED, RESOLVED),
                true,
                false);

        assertThat(steps)
                .extracting(ProgressSteps.Step::name)
                .containsExactly("已上报", "已受理", "已派单", "处置中", "已办结", "待评价");
        assertThat(steps)
                .extracting(ProgressSteps.Step::state)
                .containsExactly(State.DONE, State.DONE, State.DONE, State.DONE, State.DONE, State.CURRENT);
        assertThat(steps.get(4).at()).isEqualTo(RESOLVED);
        assertThat(steps.get(3).at())
                .as("never reported in progress: done, with no time")
                .isNull();
    }

    @Test
    void aRatedWhistleHasEveryStepDone() {
        var steps = ProgressSteps.of(PublicStatus.CLOSED, Map.of(PublicStatus.RAISED, RAISED), false, true);

        assertThat(steps.getLast().name()).isEqualTo("已评价");
        assertThat(steps).extracting(ProgressSteps.Step::state).containsOnly(State.DONE);
    }

    @Test
    void aWhistleSentBackByAUnitIsStillDispatchedFromTheFirstTime() {
        var steps = ProgressSteps.of(
                PublicStatus.RETURNED,
                Map.of(
                        PublicStatus.RAISED,
                        RAISED,
                        PublicStatus.RETURNED,
                        RETURNED,
                        PublicStatus.DISPATCHED,
                        DISPATCHED),
                false,
                false);

        assertThat(steps.get(2).state()).isEqualTo(State.CURRENT);
        assertThat(steps.get(2).at()).isEqualTo(RETURNED);
        assertThat(steps.get(3).state()).isEqualTo(State.AHEAD);
        assertThat(steps.get(3).at()).isNull();
    }

    @Test
    void aRefusedWhistleEndsWithTheRefusal() {
        var steps = ProgressSteps.of(
                PublicStatus.REJECTED, Map.of(PublicStatus.RAISED, RAISED, PublicStatus.REJECTED, FILED), false, false);

        assertThat(steps).extracting(ProgressSteps.Step::name).containsExactly("已上报", "不予受理");
        assertThat(steps.get(1).state()).isEqualTo(State.CURRENT);
    }
}
