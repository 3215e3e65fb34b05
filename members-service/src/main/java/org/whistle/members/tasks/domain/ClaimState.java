package org.whistle.members.tasks.domain;

/** Where one member's claim on a task stands. */
public enum ClaimState {
    /** 待确认: claimed; the publisher has not confirmed yet. Holds a place. */
    CLAIMED("待确认", true),
    /** 已确认: the publisher accepted the member. Holds a place. */
    CONFIRMED("已确认", true),
    /** 未通过: the publisher declined the claim. */
    DECLINED("未通过", false),
    /** 已签到: on site inside the task's grid and window, with a photo. Holds a place. */
    CHECKED_IN("已签到", true),
    /** 待审核: finished with evidence; waits for the publisher or branch secretary. Holds a place. */
    FINISHED("待审核", true),
    /** 已审核: approved; the points are granted (once). Holds a place. */
    APPROVED("已审核", true),
    /** 已取消认领: the member withdrew before checking in. */
    WITHDRAWN("已取消认领", false),
    /** 未到场: claimed and confirmed but never came; the city's rule may deduct points. */
    NO_SHOW("未到场", false);

    private final String label;
    private final boolean holdsPlace;

    ClaimState(String label, boolean holdsPlace) {
        this.label = label;
        this.holdsPlace = holdsPlace;
    }

    public String label() {
        return label;
    }

    public boolean holdsPlace() {
        return holdsPlace;
    }

    /** Still on the way to approval. */
    public boolean pending() {
        return this == CLAIMED || this == CONFIRMED || this == CHECKED_IN || this == FINISHED;
    }
}
