package org.whistle.intake.raising.domain;

import org.whistle.events.TicketState;

/** A whistle's status as its reporter sees it: the ticket's state, with the label the reporter's pages show. */
public enum PublicStatus {
    /** Waiting for the command centre to accept it. */
    RAISED("已上报"),
    FILED("已受理"),
    DISPATCHED("已派遣"),
    IN_PROGRESS("处理中"),
    RESOLVED("已办结"),
    VERIFIED("已核查"),
    CLOSED("已结案"),
    REJECTED("不予受理"),
    MERGED("已合并"),
    /** A unit declined; the command centre dispatches again, which the reporter sees as still being handled. */
    RETURNED("重新派遣中"),
    SUSPENDED("挂账");

    private final String label;

    PublicStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static PublicStatus of(TicketState state) {
        return valueOf(state.name());
    }

    /** Whether the whistle is still being worked on: it may be supported ("add to this one") and is open in Open311. */
    public boolean open() {
        return this != CLOSED && this != REJECTED && this != MERGED;
    }

    /** Whether the lead unit has reported the problem fixed. */
    public boolean resolved() {
        return this == RESOLVED || this == VERIFIED;
    }
}
