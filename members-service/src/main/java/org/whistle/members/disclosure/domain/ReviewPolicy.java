package org.whistle.members.disclosure.domain;

import java.util.Optional;

/**
 * Whom the branch grades at year end (MEMBERS.md §5): an in-service party member (在职党员) it has confirmed — their
 * workplace organisation needs the grade for its own appraisal; community members and volunteers are not graded here.
 * A year is graded once it has begun and until the next one ends, so a late 评议 in January still counts.
 */
public final class ReviewPolicy {

    private ReviewPolicy() {}

    /** Why the review is refused, in Chinese; empty when it may be recorded. */
    public static Optional<String> refusal(boolean confirmed, boolean inService, int year, int currentYear) {
        if (!inService) {
            return Optional.of("年度评议只针对在职党员");
        }
        if (!confirmed) {
            return Optional.of("报到尚未确认，不能评议");
        }
        if (year > currentYear || year < currentYear - 1) {
            return Optional.of("只能评议 " + (currentYear - 1) + " 年或 " + currentYear + " 年");
        }
        return Optional.empty();
    }
}
