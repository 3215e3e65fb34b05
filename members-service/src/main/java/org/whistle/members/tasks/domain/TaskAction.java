package org.whistle.members.tasks.domain;

/** What may be done to a task or a claim on it; {@link TaskTransitions} says from which states. */
public enum TaskAction {
    PUBLISH("发布"),
    CLAIM("认领"),
    CONFIRM("确认认领"),
    DECLINE("不予确认"),
    WITHDRAW("取消认领"),
    CHECK_IN("签到"),
    FINISH("完成"),
    APPROVE("审核通过"),
    NO_SHOW("记为未到场"),
    CANCEL("取消任务");

    private final String label;

    TaskAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
