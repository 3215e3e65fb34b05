package org.whistle.members.points.domain;

import java.util.List;

/**
 * A member's standing in a year, derived from the ledger and never stored apart from it (the balance policy).
 *
 * <ul>
 *   <li>{@code score}: base + additions − deductions of the year (redemptions are spending, not conduct), never
 *       below the floor — what rankings, 公示 and 评议 read;
 *   <li>{@code spendable}: additions − deductions − redemptions of the year (all years when the rule set does not
 *       reset) — what the exchange may spend; the base is a standard, not money.
 * </ul>
 */
public record Standing(int score, int spendable, int earned, int deductions) {

    public static Standing of(RuleSet rules, List<LedgerEntry> entries) {
        int earned = 0;
        int deductions = 0;
        int spent = 0;
        for (var entry : entries) {
            if (RuleSet.REDEEM.equals(entry.ruleCode())) {
                spent -= entry.amount();
            } else if (entry.amount() > 0) {
                earned += entry.amount();
            } else {
                deductions -= entry.amount();
            }
        }
        var score = Math.max(rules.floorPoints(), rules.basePoints() + earned - deductions);
        return new Standing(score, Math.max(0, earned - deductions - spent), earned, deductions);
    }
}
