package org.whistle.events;

/** The ticket's lifecycle (design §4: GB/T 30428's steps plus the summons). */
public enum TicketState {
    /** Raised, waiting for the street command centre to file or reject it. */
    RAISED,
    /** Filed (受理/立案): accepted as a case, not yet dispatched. */
    FILED,
    /** Units summoned (派哨), none has reported in yet. */
    DISPATCHED,
    /** At least one summoned unit has reported in (报到) and is handling it. */
    IN_PROGRESS,
    /** The lead unit reported done with evidence (办结); waiting for verification. */
    RESOLVED,
    /** The command centre checked the result (核查); waiting for the reporter's follow-up. */
    VERIFIED,
    /** The loop is closed (结案). */
    CLOSED,
    /** Filtered out as invalid, with a reason. */
    REJECTED,
    /** A duplicate, attached to another ticket. */
    MERGED,
    /** A unit said it is not theirs (退回); back with its command level for re-dispatch. */
    RETURNED,
    /** Pending with a reason (挂账); clocks paused. */
    SUSPENDED
}
