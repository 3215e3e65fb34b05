package org.whistle.members.disclosure.domain;

import java.util.Optional;
import org.whistle.texts.Phrase;

/**
 * Whom the branch grades at year end (MEMBERS.md §5): an in-service party member (在职党员) it has confirmed — their
 * workplace organisation needs the grade for its own appraisal; community members and volunteers are not graded here.
 * A year is graded once it has begun and until the next one ends, so a late 评议 in January still counts.
 */
public final class ReviewPolicy {

    private ReviewPolicy() {}

    /**
     * Why the review of the member called {@code name} is refused, naming them (the branch grades many at once), worded
     * where it is answered; empty when it may be recorded.
     */
    public static Optional<Phrase> refusal(
            String name, boolean confirmed, boolean inService, int year, int currentYear) {
        if (!inService) {
            return Optional.of(Phrase.of("members.refusal.reviewInServiceOnly", "name", name));
        }
        if (!confirmed) {
            return Optional.of(Phrase.of("members.refusal.reviewNotConfirmed", "name", name));
        }
        if (year > currentYear || year < currentYear - 1) {
            return Optional.of(Phrase.of(
                    "members.refusal.reviewYear",
                    "name",
                    name,
                    "last",
                    Integer.toString(currentYear - 1),
                    "current",
                    Integer.toString(currentYear)));
        }
        return Optional.empty();
    }
}
