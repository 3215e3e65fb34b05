package org.whistle.events;

/** The state of one summoned unit's task within a ticket. */
public enum TaskState {
    /** Summoned (吹哨), not yet acknowledged. */
    SUMMONED,
    /** Acknowledged and responsible (报到). */
    REPORTED_IN,
    /** At the location (到场). */
    ON_SITE,
    /** Finished with evidence (办结). */
    DONE,
    /** Declined as not theirs, with a reason (退回). */
    DECLINED
}
