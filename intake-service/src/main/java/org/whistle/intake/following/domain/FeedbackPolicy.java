package org.whistle.intake.following.domain;

import org.jspecify.annotations.Nullable;
import org.whistle.intake.raising.domain.PublicStatus;

/**
 * When a reporter may rate the result (回访): once the lead unit reported it done (RESOLVED or VERIFIED), or after
 * it was closed as resolved without an answer from them; and once per round — one resolution, whoever answers (the
 * reporter, or a command centre recording a phone follow-up for them); a reopened and again resolved whistle may be
 * rated again. Reasons are in Chinese: the people who read them do.
 */
public final class FeedbackPolicy {

    private FeedbackPolicy() {}

    /** The outcome of asking. */
    public sealed interface Decision permits Allowed, Rejected {}

    /** Feedback may be given for this resolution. */
    public record Allowed(int resolution) implements Decision {}

    /** Feedback may not be given now, and why. */
    public record Rejected(String reason) implements Decision {}

    public static Decision check(
            PublicStatus status, @Nullable String outcome, int resolution, boolean alreadyRatedThisResolution) {
        boolean closedResolved =
                status == PublicStatus.CLOSED && ("RESOLVED".equals(outcome) || "NO_ANSWER".equals(outcome));
        if (!(status.resolved() || closedResolved) || resolution == 0) {
            return new Rejected("该诉求尚未办结，办结后才能回访评价");
        }
        if (alreadyRatedThisResolution) {
            return new Rejected("本轮回访已有答复：每次办结只计一次评价，重新办结后可再次评价");
        }
        return new Allowed(resolution);
    }

    /** Whether moving from one status to another starts a new resolution the reporter may rate. */
    public static boolean startsNewResolution(PublicStatus before, PublicStatus after) {
        return after.resolved() && !before.resolved();
    }
}
