package org.whistle.dispatch.ticket.domain;

import org.whistle.events.CommandLevel;

/**
 * Where an expired clock takes a ticket: one command level up (street → district → city), with a supervision order
 * (督办) to the late unit; at city level there is no level above and the late unit goes on the red list.
 */
public final class EscalationPolicy {

    private EscalationPolicy() {}

    /** The step an escalation takes. */
    public sealed interface Step {
        /** The ticket is owned one level up from now on. */
        record RaiseTo(CommandLevel level) implements Step {}

        /** No level above: the late unit is red-listed. */
        record RedList() implements Step {}
    }

    public static Step onExpiry(CommandLevel current) {
        return current.above().<Step>map(Step.RaiseTo::new).orElseGet(Step.RedList::new);
    }
}
