package org.whistle.members.disclosure.domain;

/**
 * Who may be named 优秀市民党员 for a year (MEMBERS.md §5): a party member (not a volunteer) of the compound whose
 * year's score reaches the city's threshold and who had no deduction that year; the branch's confirmation is the
 * nomination.
 */
public final class ExcellencePolicy {

    /** The answer. */
    public sealed interface Decision {}

    public record Eligible() implements Decision {}

    public record NotEligible(String reason) implements Decision {}

    private ExcellencePolicy() {}

    public static Decision decide(boolean partyMember, int score, int deductions, int threshold) {
        if (!partyMember) {
            return new NotEligible("志愿者不参加优秀市民党员评选");
        }
        if (deductions > 0) {
            return new NotEligible("本年度有扣分记录（" + deductions + " 分），不能评为优秀市民党员");
        }
        if (score < threshold) {
            return new NotEligible("本年度积分 " + score + " 分，未达到 " + threshold + " 分");
        }
        return new Eligible();
    }
}
