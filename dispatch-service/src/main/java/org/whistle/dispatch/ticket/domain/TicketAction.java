package org.whistle.dispatch.ticket.domain;

/**
 * Every change a ticket can undergo, as named on its timeline. Command-centre actions act on the ticket; unit actions
 * act on one summoned unit's task; {@link #RAISE} and {@link #RETURN} are done by the platform itself.
 */
public enum TicketAction {
    RAISE(Side.PLATFORM),
    FILE(Side.CENTRE),
    REJECT(Side.CENTRE),
    MERGE(Side.CENTRE),
    SET_PRIORITY(Side.CENTRE),
    RECATEGORISE(Side.CENTRE),
    SUMMON(Side.CENTRE),
    TRANSFER(Side.CENTRE),
    APPROVE_EXTENSION(Side.CENTRE),
    REFUSE_EXTENSION(Side.CENTRE),
    SUSPEND(Side.CENTRE),
    RESUME(Side.CENTRE),
    VERIFY_PASS(Side.CENTRE),
    VERIFY_FAIL(Side.CENTRE),
    CLOSE(Side.CENTRE),
    REOPEN(Side.CENTRE),
    RAISE_LEVEL(Side.CENTRE),
    /** 督办 by hand: a district or city dispatcher orders the unit to finish by a new deadline. */
    SUPERVISE(Side.CENTRE),
    /** 催办 by hand: a reminder with a new deadline, not counted as a supervision order. */
    REMIND(Side.CENTRE),
    /** 提级: a higher level takes the ticket over from a level below. */
    PULL_UP(Side.CENTRE),
    /** 下派: the owning level hands the ticket down to a level below. */
    HAND_DOWN(Side.CENTRE),
    /** 撤回: a unit summoned by mistake is withdrawn; its task is gone. */
    WITHDRAW_UNIT(Side.CENTRE),
    /** 改派主办: another unit leads, without waiting for the lead to decline. */
    REPLACE_LEAD(Side.CENTRE),
    REPORT_IN(Side.UNIT),
    ON_SITE(Side.UNIT),
    PROGRESS(Side.UNIT),
    CONTACTED_REPORTER(Side.UNIT),
    DONE(Side.UNIT),
    DECLINE(Side.UNIT),
    REQUEST_EXTENSION(Side.UNIT),
    RETURN(Side.PLATFORM),
    /** On the surviving ticket: another whistle's ticket was merged into it as a duplicate. */
    MERGED_IN(Side.PLATFORM),
    /** 回访 counted: the reporter (or a centre recording their answer by phone) says it is resolved. */
    FOLLOW_UP_RESOLVED(Side.REPORTER),
    /** 回访 counted: the reporter says it is not resolved. */
    FOLLOW_UP_NOT_RESOLVED(Side.REPORTER),
    /** 回访 received but not counted: the round already has its answer, or nothing was resolved to judge. */
    FOLLOW_UP_IGNORED(Side.REPORTER);

    /** Who takes the action. */
    public enum Side {
        /** A command centre (street, district or city) or a process acting for it (SLA, follow-up). */
        CENTRE,
        /** A summoned unit, on its own task. */
        UNIT,
        /** The platform, as a consequence of another action. */
        PLATFORM,
        /** The reporter's answer (回访), relayed by intake or recorded by a command centre by phone. */
        REPORTER
    }

    private final Side side;

    TicketAction(Side side) {
        this.side = side;
    }

    public Side side() {
        return side;
    }

    /** The words used in refusals, e.g. "report in". */
    public String words() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
