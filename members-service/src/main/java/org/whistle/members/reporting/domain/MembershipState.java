package org.whistle.members.reporting.domain;

/** Where a member's report-in stands at their current compound. */
public enum MembershipState {
    /** 待确认: reported in (or moved house); the compound's branch has not confirmed yet. */
    PENDING("待确认"),
    /** 已报到: the branch confirmed and assigned a grid (and perhaps a building); the member may claim tasks. */
    CONFIRMED("已报到"),
    /** 未通过: the branch declined with a reason; the member may report again, to this compound or another. */
    DECLINED("未通过");

    private final String label;

    MembershipState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
