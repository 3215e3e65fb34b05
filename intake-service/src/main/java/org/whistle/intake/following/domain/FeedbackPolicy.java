package org.whistle.intake.following.domain;

import org.jspecify.annotations.Nullable;
import org.whistle.intake.raising.domain.PublicStatus;
import org.whistle.texts.Phrase;

/**
 * When a reporter may rate the result (回访): once the lead unit reported it done (RESOLVED or VERIFIED), or after
 * it was closed as resolved without an answer from them; and once per round — one resolution, whoever answers (the
 * reporter, or a command centre recording a phone follow-up for them); a reopened and again resolved whistle may be
 * rated again. Reasons are phrases (ADR 0043), worded in the reader's language where they are answered.
 */
public final class FeedbackPolicy {

    private FeedbackPolicy() {}

    /** The outcome of asking. */
    public sealed interface Decision permits Allowed, Rejected {}

    /** Feedback may be given for this resolution. */
    public record Allowed(int resolution) implements Decision {}

    /** Feedback may not be given now, and why. */
    public record Rejected(Phrase reason) implements Decision {}

    public static Decision check(
            PublicStatus status, @Nullable String outcome, int resolution, boolean alreadyRatedThisResolution) {
        boolean closedResolved =
                status == PublicStatus.CLOSED && ("RESOLVED".equals(outcome) || "NO_ANSWER".equals(outcome));
        if (!(status.resolved() || closedResolved) || resolution == 0) {
            return new Rejected(Phrase.of("intake.refusal.feedbackNotResolved"));
        }
        if (alreadyRatedThisResolution) {
            return new Rejected(Phrase.of("intake.refusal.feedbackGiven"));
        }
        return new Allowed(resolution);
    }

    /** Whether moving from one status to another starts a new resolution the reporter may rate. */
    public static boolean startsNewResolution(PublicStatus before, PublicStatus after) {
        return after.resolved() && !before.resolved();
    }
}
