package org.whistle.members.tasks.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a member may check in where and when they are: inside the task's time window, and — when the task requires
 * on-site check-in — at a point inside the task's grid, with a photo. A refusal says why in words the member reads.
 */
public final class CheckInPolicy {

    /** The answer. */
    public sealed interface Decision {}

    public record Allowed() implements Decision {}

    public record Refused(String reason) implements Decision {}

    private CheckInPolicy() {}

    /**
     * @param locatedGrid the grid the member's position lies in, empty when it lies in none
     * @param gridName the task grid's name
     */
    public static Decision decide(
            Task task, Instant at, Optional<String> locatedGrid, String gridName, boolean hasPhoto) {
        if (at.isBefore(task.window().startsAt())) {
            return new Refused("任务尚未开始，请在 " + task.window().shown() + "（北京时间）内签到");
        }
        if (at.isAfter(task.window().endsAt())) {
            return new Refused("任务时间已过，签到时间为 " + task.window().shown() + "（北京时间）");
        }
        if (task.checkInRequired()) {
            if (locatedGrid.isEmpty() || !locatedGrid.get().equals(task.gridId())) {
                return new Refused("您的位置不在任务所在的" + gridName + "内，请到现场后再签到");
            }
            if (!hasPhoto) {
                return new Refused("现场签到须拍一张照片");
            }
        }
        return new Allowed();
    }
}
