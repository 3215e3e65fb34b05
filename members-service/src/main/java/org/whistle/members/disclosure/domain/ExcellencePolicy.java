package org.whistle.members.disclosure.domain;

import org.whistle.texts.Phrase;

/**
 * Who may be named 优秀市民党员 for a year (MEMBERS.md §5): a party member (not a volunteer) of the compound whose
 * year's score reaches the city's threshold and who had no deduction that year; the branch's confirmation is the
 * nomination.
 */
public final class ExcellencePolicy {

    /** The answer. */
    public sealed interface Decision {}

    public record Eligible() implements Decision {}

    public record NotEligible(Phrase reason) implements Decision {}

    private ExcellencePolicy() {}

    public static Decision decide(boolean partyMember, int score, int deductions, int threshold) {
        if (!partyMember) {
            return new NotEligible(Phrase.of("members.refusal.excellenceVolunteer"));
        }
        if (deductions > 0) {
            return new NotEligible(Phrase.of("members.refusal.excellenceDeductions", "points", deductions));
        }
        if (score < threshold) {
            return new NotEligible(
                    Phrase.of("members.refusal.excellenceScore", "score", score, "threshold", threshold));
        }
        return new Eligible();
    }
}
