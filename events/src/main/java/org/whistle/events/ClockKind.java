package org.whistle.events;

/** The clocks the SLA service runs per ticket (design §5). */
public enum ClockKind {
    /** 受理: from raised until filed. */
    FILE,
    /** 报到: per summoned unit, from dispatch until it reports in. */
    REPORT_IN,
    /** 先行联系: from dispatch until the reporter is contacted. */
    CONTACT_REPORTER,
    /** 办结: from dispatch until the lead unit reports done. */
    RESOLVE,
    /** 核查: from resolved until verified. */
    VERIFY,
    /** 回访: from resolved until the reporter answers; then the ticket closes as "no answer". */
    FOLLOW_UP
}
