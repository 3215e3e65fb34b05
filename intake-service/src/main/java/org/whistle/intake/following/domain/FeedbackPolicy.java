package org.whistle.intake.following.domain;

import org.jspecify.annotations.Nullable;

/**
 * When a reporter may rate the result (回访): once the lead unit reported it done (RESOLVED or VERIFIED), or after
 * it was closed as resolved without an answer from them; and once per resolution — a reopened and again resolved
 * whistle may be rated again.
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
            return new Rejected("the whistle has not been resolved yet");
        }
        if (alreadyRatedThisResolution) {
            return new Rejected("this resolution has already been rated");
        }
        return new Allowed(resolution);
    }

    /** Whether moving from one status to another starts a new resolution the reporter may rate. */
    public static boolean startsNewResolution(PublicStatus before, PublicStatus after) {
        return after.resolved() && !before.resolved();
    }
}
