package org.whistle.intake.following.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.whistle.intake.raising.domain.PublicStatus;

/**
 * The reporter's step-by-step progress, as the 12345 / 接诉即办 mini-programs show it: 已上报 → 已受理 → 已派单 → 处置中 →
 * 已办结 → 待评价 (已评价 once answered). Each step is done, current or still ahead, with the time it was first reached.
 * A whistle refused or merged ends after 已上报 with that outcome instead; one sent back by a unit (重新派遣中) is still
 * 已派单, as the reporter sees it. Names are the reporter's words, in Chinese.
 */
public final class ProgressSteps {

    private ProgressSteps() {}

    public enum State {
        DONE,
        CURRENT,
        AHEAD
    }

    /** One step: its name, where the whistle stands, and when it was first reached. */
    public record Step(String name, State state, @Nullable Instant at) {}

    /**
     * @param status where the whistle is now
     * @param firstReached when each status was first reached (from the public timeline)
     * @param canRate whether the reporter may rate the result now
     * @param rated whether this round's result was rated
     */
    public static List<Step> of(
            PublicStatus status, Map<PublicStatus, Instant> firstReached, boolean canRate, boolean rated) {
        var raised = firstReached.get(PublicStatus.RAISED);
        if (status == PublicStatus.REJECTED || status == PublicStatus.MERGED) {
            return List.of(
                    new Step("已上报", State.DONE, raised),
                    new Step(status.label(), State.CURRENT, firstReached.get(status)));
        }
        int reached = reached(status, canRate, rated);
        var names = List.of("已上报", "已受理", "已派单", "处置中", "已办结", rated ? "已评价" : "待评价");
        var at = new ArrayList<@Nullable Instant>();
        at.add(raised);
        at.add(firstReached.get(PublicStatus.FILED));
        at.add(earliest(firstReached, PublicStatus.DISPATCHED, PublicStatus.RETURNED));
        at.add(firstReached.get(PublicStatus.IN_PROGRESS));
        at.add(earliest(firstReached, PublicStatus.RESOLVED, PublicStatus.VERIFIED, PublicStatus.CLOSED));
        at.add(null);
        var steps = new ArrayList<Step>();
        for (int i = 0; i < names.size(); i++) {
            var state = i < reached ? State.DONE : i == reached ? State.CURRENT : State.AHEAD;
            steps.add(new Step(names.get(i), state, state == State.AHEAD ? null : at.get(i)));
        }
        return List.copyOf(steps);
    }

    /** The index of the current step (the length of the list when every step is done). */
    private static int reached(PublicStatus status, boolean canRate, boolean rated) {
        return switch (status) {
            case RAISED -> 0;
            case FILED, SUSPENDED -> 1;
            case DISPATCHED, RETURNED -> 2;
            case IN_PROGRESS -> 3;
            case RESOLVED, VERIFIED, CLOSED -> rated ? 6 : canRate ? 5 : 4;
            case REJECTED, MERGED -> 1;
        };
    }

    private static @Nullable Instant earliest(Map<PublicStatus, Instant> firstReached, PublicStatus... statuses) {
        Instant earliest = null;
        for (var status : statuses) {
            var at = firstReached.get(status);
            if (at != null && (earliest == null || at.isBefore(earliest))) {
                earliest = at;
            }
        }
        return earliest;
    }
}
