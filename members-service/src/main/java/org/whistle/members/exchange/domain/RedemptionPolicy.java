package org.whistle.members.exchange.domain;

/**
 * Whether a member may redeem an item now: the item is offered, in stock, and costs no more than the member can spend.
 * Checked while the member's row is locked, so parallel redemptions see each other's spending.
 */
public final class RedemptionPolicy {

    /** The answer. */
    public sealed interface Decision {}

    public record Allowed() implements Decision {}

    public record Refused(String reason) implements Decision {}

    private RedemptionPolicy() {}

    public static Decision decide(boolean active, int stock, int cost, int spendable) {
        if (!active) {
            return new Refused("该物品已下架");
        }
        if (stock <= 0) {
            return new Refused("该物品已兑完");
        }
        if (cost > spendable) {
            return new Refused("可用积分不足：需要 " + cost + " 分，您当前可用 " + spendable + " 分");
        }
        return new Allowed();
    }
}
