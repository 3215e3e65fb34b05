package org.whistle.orgreference.domain.deadlines;

/** What stops a policy's clocks while it lasts. */
public enum PauseCondition {
    /** 挂账: the ticket is pending with a reason. */
    SUSPENDED,
    /** 延期: an approved extension is running. */
    EXTENSION
}
