package org.whistle.members.exchange.domain;

import org.whistle.texts.Phrase;

/**
 * Whether a member may redeem an item now: the item is offered, in stock, and costs no more than the member can spend.
 * Checked while the member's row is locked, so parallel redemptions see each other's spending.
 */
public final class RedemptionPolicy {

    /** The answer. */
    public sealed interface Decision {}

    public record Allowed() implements Decision {}

    public record Refused(Phrase reason) implements Decision {}

    private RedemptionPolicy() {}

    public static Decision decide(boolean active, int stock, int cost, int spendable) {
        if (!active) {
            return new Refused(Phrase.of("members.refusal.itemWithdrawn"));
        }
        if (stock <= 0) {
            return new Refused(Phrase.of("members.refusal.itemOutOfStock"));
        }
        if (cost > spendable) {
            return new Refused(Phrase.of("members.refusal.notEnoughPoints", "cost", cost, "spendable", spendable));
        }
        return new Allowed();
    }
}
