package org.whistle.dispatch.ticket.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.whistle.events.Actor;
import org.whistle.events.Rating;

/**
 * The reporter's answer to the follow-up (回访).
 *
 * @param recordedBy who recorded the answer, taken by phone, for the reporter (电话回访); absent when the reporter
 *     answered themselves
 * @param answeredAt when the reporter answered (what the reopen window is measured against)
 */
public record FollowUpAnswer(
        Rating rating,
        boolean resolved,
        @Nullable String comment,
        @Nullable Actor recordedBy,
        Instant answeredAt) {

    /** Whether a command centre recorded it by phone. */
    public boolean byPhone() {
        return recordedBy != null;
    }
}
