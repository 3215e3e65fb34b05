package org.whistle.dispatch.ticket.domain;

import static org.whistle.events.TaskState.DECLINED;
import static org.whistle.events.TaskState.ON_SITE;
import static org.whistle.events.TaskState.REPORTED_IN;
import static org.whistle.events.TaskState.SUMMONED;
import static org.whistle.events.TicketState.CLOSED;
import static org.whistle.events.TicketState.DISPATCHED;
import static org.whistle.events.TicketState.FILED;
import static org.whistle.events.TicketState.IN_PROGRESS;
import static org.whistle.events.TicketState.MERGED;
import static org.whistle.events.TicketState.RAISED;
import static org.whistle.events.TicketState.REJECTED;
import static org.whistle.events.TicketState.RESOLVED;
import static org.whistle.events.TicketState.RETURNED;
import static org.whistle.events.TicketState.SUSPENDED;
import static org.whistle.events.TicketState.VERIFIED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.whistle.events.TaskState;
import org.whistle.events.TicketState;

/**
 * The ticket's transition table, as data: in which ticket states (and, for unit actions, task states) each action is
 * allowed. {@link Ticket} consults it before every change, and the tests prove every other pair is refused.
 *
 * <p>The states (meanings in {@link TicketState}):
 *
 * <ul>
 *   <li>{@code RAISED} — a whistle waits at its street centre (or the district, 兜底). Triage: file, reject, merge,
 *       transfer.
 *   <li>{@code FILED} — accepted (受理); nobody summoned yet.
 *   <li>{@code DISPATCHED} — units summoned (派哨), none reported in.
 *   <li>{@code IN_PROGRESS} — at least one unit reported in (报到); the first report-in moves DISPATCHED here.
 *   <li>{@code RESOLVED} — the lead unit reported done with evidence (办结).
 *   <li>{@code VERIFIED} — the command centre checked the result (核查).
 *   <li>{@code CLOSED} — closed (结案) as RESOLVED or NO_ANSWER; may be reopened within the reopen window.
 *   <li>{@code REJECTED}, {@code MERGED} — filtered out in triage; terminal.
 *   <li>{@code RETURNED} — every summoned unit, or the lead, declined (退回); the command level summons again.
 *   <li>{@code SUSPENDED} — pending with a reason (挂账); resume goes back to the state it was suspended from.
 * </ul>
 *
 * <p>The table ({@code action: from → to}):
 *
 * <pre>
 * FILE               RAISED                                   → FILED
 * REJECT             RAISED                                   → REJECTED
 * MERGE              RAISED                                   → MERGED
 * SET_PRIORITY,
 * RECATEGORISE       RAISED FILED DISPATCHED IN_PROGRESS RETURNED SUSPENDED → unchanged
 * SUMMON             FILED RETURNED                           → DISPATCHED (IN_PROGRESS if a kept task reported in)
 *                    DISPATCHED IN_PROGRESS (adds units)      → unchanged
 * TRANSFER           RAISED FILED RETURNED DISPATCHED IN_PROGRESS → unchanged (new centre and/or level; after
 *                    dispatch only the owning centre transfers — units return the task instead)
 * APPROVE_EXTENSION,
 * REFUSE_EXTENSION   IN_PROGRESS                              → unchanged (a pending request must exist)
 * SUSPEND            FILED DISPATCHED IN_PROGRESS RETURNED    → SUSPENDED
 * RESUME             SUSPENDED                                → the state before
 * VERIFY_PASS        RESOLVED                                 → VERIFIED
 * VERIFY_FAIL        RESOLVED                                 → IN_PROGRESS (lead's task back to REPORTED_IN)
 * CLOSE              VERIFIED                                 → CLOSED (RESOLVED or NO_ANSWER)
 * REOPEN             RESOLVED VERIFIED CLOSED                 → IN_PROGRESS (lead's task back to REPORTED_IN)
 * RAISE_LEVEL        RAISED FILED DISPATCHED IN_PROGRESS RETURNED RESOLVED VERIFIED → unchanged (level up or red list)
 * SUPERVISE, REMIND  RAISED FILED DISPATCHED IN_PROGRESS RETURNED SUSPENDED RESOLVED → unchanged (order numbered)
 * PULL_UP, HAND_DOWN RAISED FILED DISPATCHED IN_PROGRESS RETURNED SUSPENDED RESOLVED VERIFIED → unchanged (level)
 * WITHDRAW_UNIT      DISPATCHED IN_PROGRESS; a co-unit's task not DONE → unchanged; the task is gone
 * REPLACE_LEAD       DISPATCHED IN_PROGRESS                   → unchanged; the old lead's task is gone
 * REPORT_IN          DISPATCHED IN_PROGRESS; task SUMMONED            → IN_PROGRESS; task REPORTED_IN
 * ON_SITE            IN_PROGRESS; task REPORTED_IN                    → unchanged; task ON_SITE
 * PROGRESS,
 * CONTACTED_REPORTER IN_PROGRESS; task REPORTED_IN ON_SITE            → unchanged
 * DONE               IN_PROGRESS; task REPORTED_IN ON_SITE            → RESOLVED if lead; task DONE
 * DECLINE            DISPATCHED IN_PROGRESS; task SUMMONED REPORTED_IN ON_SITE → RETURNED if no one is left to lead;
 *                    task DECLINED (a unit that reported in may still return the task with a reason)
 * REQUEST_EXTENSION  IN_PROGRESS; task REPORTED_IN ON_SITE            → unchanged (pending request)
 * RETURN             (platform, after DECLINE)                        → RETURNED
 * MERGED_IN          (platform, on the survivor of a MERGE; any open state) → unchanged
 * </pre>
 */
public final class TicketTransitions {

    private static final Map<TicketAction, Set<TicketState>> TICKET = new EnumMap<>(TicketAction.class);
    private static final Map<TicketAction, Set<TaskState>> TASK = new EnumMap<>(TicketAction.class);

    static {
        ticket(TicketAction.FILE, RAISED);
        ticket(TicketAction.REJECT, RAISED);
        ticket(TicketAction.MERGE, RAISED);
        ticket(TicketAction.SET_PRIORITY, RAISED, FILED, DISPATCHED, IN_PROGRESS, RETURNED, SUSPENDED);
        ticket(TicketAction.RECATEGORISE, RAISED, FILED, DISPATCHED, IN_PROGRESS, RETURNED, SUSPENDED);
        ticket(TicketAction.SUMMON, FILED, RETURNED, DISPATCHED, IN_PROGRESS);
        ticket(TicketAction.TRANSFER, RAISED, FILED, RETURNED, DISPATCHED, IN_PROGRESS);
        ticket(TicketAction.APPROVE_EXTENSION, IN_PROGRESS);
        ticket(TicketAction.REFUSE_EXTENSION, IN_PROGRESS);
        ticket(TicketAction.SUSPEND, FILED, DISPATCHED, IN_PROGRESS, RETURNED);
        ticket(TicketAction.RESUME, SUSPENDED);
        ticket(TicketAction.VERIFY_PASS, RESOLVED);
        ticket(TicketAction.VERIFY_FAIL, RESOLVED);
        ticket(TicketAction.CLOSE, VERIFIED);
        ticket(TicketAction.REOPEN, RESOLVED, VERIFIED, CLOSED);
        ticket(TicketAction.RAISE_LEVEL, RAISED, FILED, DISPATCHED, IN_PROGRESS, RETURNED, RESOLVED, VERIFIED);
        ticket(TicketAction.SUPERVISE, RAISED, FILED, DISPATCHED, IN_PROGRESS, RETURNED, SUSPENDED, RESOLVED);
        ticket(TicketAction.REMIND, RAISED, FILED, DISPATCHED, IN_PROGRESS, RETURNED, SUSPENDED, RESOLVED);
        ticket(TicketAction.PULL_UP, RAISED, FILED, DISPATCHED, IN_PROGRESS, RETURNED, SUSPENDED, RESOLVED, VERIFIED);
        ticket(TicketAction.HAND_DOWN, RAISED, FILED, DISPATCHED, IN_PROGRESS, RETURNED, SUSPENDED, RESOLVED, VERIFIED);
        ticket(TicketAction.WITHDRAW_UNIT, DISPATCHED, IN_PROGRESS);
        ticket(TicketAction.REPLACE_LEAD, DISPATCHED, IN_PROGRESS);
        ticket(TicketAction.REPORT_IN, DISPATCHED, IN_PROGRESS);
        ticket(TicketAction.ON_SITE, IN_PROGRESS);
        ticket(TicketAction.PROGRESS, IN_PROGRESS);
        ticket(TicketAction.CONTACTED_REPORTER, IN_PROGRESS);
        ticket(TicketAction.DONE, IN_PROGRESS);
        ticket(TicketAction.DECLINE, DISPATCHED, IN_PROGRESS);
        ticket(TicketAction.REQUEST_EXTENSION, IN_PROGRESS);

        task(TicketAction.REPORT_IN, SUMMONED);
        task(TicketAction.ON_SITE, REPORTED_IN);
        task(TicketAction.PROGRESS, REPORTED_IN, ON_SITE);
        task(TicketAction.CONTACTED_REPORTER, REPORTED_IN, ON_SITE);
        task(TicketAction.DONE, REPORTED_IN, ON_SITE);
        task(TicketAction.DECLINE, SUMMONED, REPORTED_IN, ON_SITE);
        task(TicketAction.REQUEST_EXTENSION, REPORTED_IN, ON_SITE);
    }

    private TicketTransitions() {}

    /** The ticket states in which a command-centre or unit action is allowed; empty for platform actions. */
    public static Set<TicketState> allowedFrom(TicketAction action) {
        return TICKET.getOrDefault(action, Set.of());
    }

    /** The task states in which a unit action is allowed; empty for other actions. */
    public static Set<TaskState> allowedTaskStates(TicketAction action) {
        return TASK.getOrDefault(action, Set.of());
    }

    public static boolean allows(TicketAction action, TicketState state) {
        return allowedFrom(action).contains(state);
    }

    /** States a ticket never leaves (CLOSED is left only by reopening). */
    public static Set<TicketState> terminal() {
        return Collections.unmodifiableSet(EnumSet.of(REJECTED, MERGED));
    }

    /** Unit task states counted as holding the task: everything but DECLINED. */
    static boolean holds(TaskState state) {
        return state != DECLINED;
    }

    private static void ticket(TicketAction action, TicketState first, TicketState... rest) {
        TICKET.put(action, Collections.unmodifiableSet(EnumSet.of(first, rest)));
    }

    private static void task(TicketAction action, TaskState first, TaskState... rest) {
        TASK.put(action, Collections.unmodifiableSet(EnumSet.of(first, rest)));
    }
}
