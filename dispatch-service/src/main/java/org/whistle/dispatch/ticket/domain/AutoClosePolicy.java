package org.whistle.dispatch.ticket.domain;

import org.whistle.events.ClockKind;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleClosed.Outcome;

/**
 * What an expired clock closes: when the reporter follow-up (回访) expires on a verified ticket it closes as
 * {@code NO_ANSWER}; nothing else closes a ticket on its own.
 */
public final class AutoClosePolicy {

    private AutoClosePolicy() {}

    /** The verdict on one expired clock. */
    public sealed interface Verdict {
        /** Close the ticket with this outcome. */
        record Close(Outcome outcome) implements Verdict {}

        /** Leave the ticket as it is. */
        record Leave(String reason) implements Verdict {}
    }

    public static Verdict onExpiry(ClockKind clock, TicketState state) {
        if (clock != ClockKind.FOLLOW_UP) {
            return new Verdict.Leave(clock + " expiring escalates, it does not close");
        }
        if (state != TicketState.VERIFIED) {
            return new Verdict.Leave("follow-up expired while the ticket is " + state + ", not VERIFIED");
        }
        return new Verdict.Close(Outcome.NO_ANSWER);
    }
}
