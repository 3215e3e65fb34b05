package org.whistle.dispatch.ticket.domain;

import java.util.List;
import java.util.Set;
import org.whistle.events.TicketState;
import org.whistle.texts.Phrase;

/**
 * A follow-up (回访) counts once per round. A round is one resolution: it starts when the lead unit's done makes the
 * ticket RESOLVED and ends with the reopen (返工) or failed verification that starts the next; an answer counts if
 * the ticket has a result to judge (RESOLVED, VERIFIED or CLOSED) and the round has no counted answer yet. Read from
 * the timeline, which is where counted and ignored answers are recorded.
 */
public final class FollowUpRoundPolicy {

    private static final Set<TicketState> JUDGEABLE =
            Set.of(TicketState.RESOLVED, TicketState.VERIFIED, TicketState.CLOSED);

    private FollowUpRoundPolicy() {}

    public static Decision check(TicketState state, List<TimelineEntry> timeline) {
        for (var entry : timeline.reversed()) {
            if (counted(entry)) {
                return Decision.rejected(
                        "round", Phrase.of("dispatch.refusal.followUp.counted", "entry", entry.sequence()));
            }
            if (startsRound(entry)) {
                break;
            }
            if (entry.action() == TicketAction.REOPEN || entry.action() == TicketAction.VERIFY_FAIL) {
                return Decision.rejected("state", Phrase.of("dispatch.refusal.followUp.reworking"));
            }
        }
        if (!JUDGEABLE.contains(state)) {
            return Decision.rejected("state", Phrase.of("dispatch.refusal.followUp.notResolved"));
        }
        return Decision.ALLOWED;
    }

    /**
     * Whether the reporter's follow-up of this round is still awaited before the loop closes: the ticket has a result
     * not yet closed (RESOLVED or VERIFIED) and no counted answer this round.
     */
    public static boolean open(TicketState state, List<TimelineEntry> timeline) {
        return (state == TicketState.RESOLVED || state == TicketState.VERIFIED)
                && check(state, timeline) instanceof Decision.Allowed;
    }

    /** Whether the current round's counted answer says resolved (满意 before 核查 closes the ticket when verified). */
    public static boolean resolvedThisRound(List<TimelineEntry> timeline) {
        for (var entry : timeline.reversed()) {
            if (entry.action() == TicketAction.FOLLOW_UP_RESOLVED) {
                return true;
            }
            if (entry.action() == TicketAction.FOLLOW_UP_NOT_RESOLVED
                    || entry.action() == TicketAction.REOPEN
                    || entry.action() == TicketAction.VERIFY_FAIL
                    || startsRound(entry)) {
                return false;
            }
        }
        return false;
    }

    /** Whether the entry records a follow-up taken by phone by a command centre (电话回访), not the reporter's own. */
    public static boolean byPhone(TimelineEntry entry) {
        return entry.action().side() == TicketAction.Side.REPORTER
                && !entry.actor().userId().startsWith("system:");
    }

    private static boolean counted(TimelineEntry entry) {
        return entry.action() == TicketAction.FOLLOW_UP_RESOLVED
                || entry.action() == TicketAction.FOLLOW_UP_NOT_RESOLVED;
    }

    private static boolean startsRound(TimelineEntry entry) {
        return entry.action() == TicketAction.DONE
                && entry.stateAfter() == TicketState.RESOLVED
                && entry.stateBefore() != TicketState.RESOLVED;
    }
}
