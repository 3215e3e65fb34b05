package org.whistle.members.exchange.domain;

/** Where a redemption stands; the points are spent when it is requested. */
public enum RedemptionState {
    /** 待领取: points spent, the community has not handed the item over yet. */
    REQUESTED("待领取"),
    /** 已领取: the community recorded the hand-over. */
    HANDED_OVER("已领取");

    private final String label;

    RedemptionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
