package org.whistle.dispatch.ticket.domain;

import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.TaskState;
import org.whistle.events.TicketState;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.texts.Phrase;

/**
 * Whether an expired clock reported by sla-service still describes the ticket: the clock may have stopped (the unit
 * reported in, the lead reported done, the centre filed or verified) or the ticket may have moved level since the
 * clock fired. A clock that is no longer current escalates nothing.
 */
public final class ClockCurrencyPolicy {

    private ClockCurrencyPolicy() {}

    public static Decision check(Ticket ticket, ClockKind clock, @Nullable UnitCode unit, CommandLevel fromLevel) {
        if (ticket.level() != fromLevel) {
            return Decision.rejected(
                    "fromLevel",
                    Phrase.of(
                            "dispatch.refusal.clock.level",
                            "level",
                            Phrase.name("level", ticket.level()),
                            "fromLevel",
                            Phrase.name("level", fromLevel)));
        }
        var state = ticket.state();
        if (state == TicketState.SUSPENDED) {
            return Decision.rejected("clock", Phrase.of("dispatch.refusal.clock.suspended"));
        }
        var task = unit == null ? null : ticket.task(unit).orElse(null);
        var running = switch (clock) {
            case FILE -> state == TicketState.RAISED;
            case REPORT_IN -> task != null && task.state() == TaskState.SUMMONED;
            case CONTACT_REPORTER ->
                (state == TicketState.DISPATCHED || state == TicketState.IN_PROGRESS)
                        && ticket.timeline().entries().stream()
                                .noneMatch(e -> e.action() == TicketAction.CONTACTED_REPORTER);
            case RESOLVE -> state == TicketState.DISPATCHED || state == TicketState.IN_PROGRESS;
            case VERIFY -> state == TicketState.RESOLVED;
            case FOLLOW_UP -> state == TicketState.RESOLVED || state == TicketState.VERIFIED;
        };
        return running
                ? Decision.ALLOWED
                : Decision.rejected(
                        "clock",
                        Phrase.of(
                                "dispatch.refusal.clock.stopped",
                                "clock",
                                Phrase.name("clock", clock),
                                "state",
                                Phrase.name("ticket.state", state)));
    }
}
