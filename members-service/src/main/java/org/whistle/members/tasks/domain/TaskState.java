package org.whistle.members.tasks.domain;

/** Where a task stands. */
public enum TaskState {
    /** 进行中: published; members claim, check in and finish while its window runs. */
    OPEN("进行中"),
    /** 已完成: every claim that was not withdrawn, declined or a no-show is approved, and at least one is. */
    DONE("已完成"),
    /** 已取消: the publisher called it off; open claims are released. */
    CANCELLED("已取消");

    private final String label;

    TaskState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
