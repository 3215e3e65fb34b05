package org.whistle.members.tasks.domain;

import java.time.Instant;
import java.util.Optional;
import org.whistle.texts.Phrase;

/**
 * Whether a member may check in where and when they are: inside the task's time window, and — when the task requires
 * on-site check-in — at a point inside the task's grid, with a photo. A refusal says why in words the member reads.
 */
public final class CheckInPolicy {

    /** The answer. */
    public sealed interface Decision {}

    public record Allowed() implements Decision {}

    public record Refused(Phrase reason) implements Decision {}

    private CheckInPolicy() {}

    /**
     * @param locatedGrid the grid the member's position lies in, empty when it lies in none
     * @param gridName the task grid's name
     */
    public static Decision decide(
            Task task, Instant at, Optional<String> locatedGrid, String gridName, boolean hasPhoto) {
        if (at.isBefore(task.window().startsAt())) {
            return new Refused(Phrase.of(
                    "members.refusal.checkInNotYet",
                    "from",
                    task.window().startsAt(),
                    "to",
                    task.window().endsAt()));
        }
        if (at.isAfter(task.window().endsAt())) {
            return new Refused(Phrase.of(
                    "members.refusal.checkInOver",
                    "from",
                    task.window().startsAt(),
                    "to",
                    task.window().endsAt()));
        }
        if (task.checkInRequired()) {
            if (locatedGrid.isEmpty() || !locatedGrid.get().equals(task.gridId())) {
                return new Refused(Phrase.of("members.refusal.checkInOutside", "grid", gridName));
            }
            if (!hasPhoto) {
                return new Refused(Phrase.of("members.refusal.checkInPhotoOnSite"));
            }
        }
        return new Allowed();
    }
}
