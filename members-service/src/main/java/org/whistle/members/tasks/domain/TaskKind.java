package org.whistle.members.tasks.domain;

/** What a task is for (MEMBERS.md §3). */
public enum TaskKind {
    /** 微心愿: a resident's need. */
    WISH("微心愿"),
    /** 网格任务: patrol, publicity, cleaning up a corner. */
    GRID_TASK("网格任务"),
    /** 活动: an event needing hands. */
    EVENT("志愿活动"),
    /** 小哨事: a small whistle the community handles itself instead of summoning departments. */
    WHISTLE("社区接哨");

    private final String label;

    TaskKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
