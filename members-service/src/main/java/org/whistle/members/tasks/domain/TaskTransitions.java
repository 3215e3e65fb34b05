package org.whistle.members.tasks.domain;

import static org.whistle.members.tasks.domain.ClaimState.CHECKED_IN;
import static org.whistle.members.tasks.domain.ClaimState.CLAIMED;
import static org.whistle.members.tasks.domain.ClaimState.CONFIRMED;
import static org.whistle.members.tasks.domain.ClaimState.FINISHED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The task's transition table, as data ({@code action: task state; claim state → claim state}):
 *
 * <pre>
 * CLAIM     OPEN; no claim holding a place, a place free, window not over → CLAIMED
 * CONFIRM   OPEN; CLAIMED                      → CONFIRMED
 * DECLINE   OPEN; CLAIMED                      → DECLINED (the place is free again)
 * WITHDRAW  OPEN; CLAIMED CONFIRMED            → WITHDRAWN
 * CHECK_IN  OPEN; CONFIRMED                    → CHECKED_IN (CheckInPolicy: window, grid, photo)
 * FINISH    OPEN; CHECKED_IN (CONFIRMED when no check-in is required) → FINISHED with evidence and hours
 * APPROVE   OPEN; FINISHED                     → APPROVED; the task is DONE when nothing else is pending
 * NO_SHOW   OPEN; CLAIMED CONFIRMED, window over → NO_SHOW; the task is DONE when nothing else is pending
 * CANCEL    OPEN; no claim APPROVED or FINISHED → CANCELLED (pending claims withdrawn)
 * </pre>
 */
public final class TaskTransitions {

    private static final Map<TaskAction, Set<ClaimState>> CLAIM_FROM = new EnumMap<>(TaskAction.class);

    static {
        CLAIM_FROM.put(TaskAction.CONFIRM, EnumSet.of(CLAIMED));
        CLAIM_FROM.put(TaskAction.DECLINE, EnumSet.of(CLAIMED));
        CLAIM_FROM.put(TaskAction.WITHDRAW, EnumSet.of(CLAIMED, CONFIRMED));
        CLAIM_FROM.put(TaskAction.CHECK_IN, EnumSet.of(CONFIRMED));
        CLAIM_FROM.put(TaskAction.FINISH, EnumSet.of(CHECKED_IN));
        CLAIM_FROM.put(TaskAction.APPROVE, EnumSet.of(FINISHED));
        CLAIM_FROM.put(TaskAction.NO_SHOW, EnumSet.of(CLAIMED, CONFIRMED));
    }

    private TaskTransitions() {}

    /** Every action but CLAIM and CANCEL needs an open task; those check it too. */
    public static boolean taskAllows(TaskState state) {
        return state == TaskState.OPEN;
    }

    public static boolean claimAllows(TaskAction action, ClaimState from, boolean checkInRequired) {
        if (action == TaskAction.FINISH && !checkInRequired && from == CONFIRMED) {
            return true;
        }
        return CLAIM_FROM.getOrDefault(action, Set.of()).contains(from);
    }
}
