package org.whistle.events;

/** The reporter's judgement of the result (回访). */
public enum Rating {
    /** 满意. */
    SATISFIED,
    /** 基本满意. */
    BASICALLY_SATISFIED,
    /** 不满意. */
    DISSATISFIED
}
