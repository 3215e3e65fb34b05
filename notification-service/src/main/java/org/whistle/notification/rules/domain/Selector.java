package org.whistle.notification.rules.domain;

/** Who a rule tells, resolved per event from the event, what the service learnt of the whistle and the org copy. */
public enum Selector {
    /** The units summoned by a routing event that have not reported in yet: their duty officers. */
    SUMMONED_UNITS,
    /** The lead unit (首接负责) of the ticket. */
    LEAD_UNIT,
    /** The command centre owning the ticket; on an escalation also the centre it escalates to. */
    OWNING_CENTRE,
    /** The unit whose clock ran late. */
    LATE_UNIT,
    /** The late unit's leadership (督办): the unit's recipient flagged for its leader. */
    LATE_UNIT_LEADER,
    /** Whoever raised the whistle: a user's inbox, or a phone reporter by SMS/WeChat; nobody when anonymous. */
    REPORTER,
    /** Units and users who subscribed to an area containing the whistle. */
    AREA_SUBSCRIBERS,
    /**
     * The unit a 督办/催办 issued by hand holds to act: its leader and its duty officers, or the owning centre's duty
     * officers while nobody leads.
     */
    SUPERVISED_UNIT
}
