package org.whistle.notification.rules.domain;

import java.util.HashSet;
import java.util.Set;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TicketState;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.WhistleSupervised;

/**
 * What rules match on: the event type and its qualifiers — the routing action, the unit's report ({@code RESOLVED}
 * when the lead unit's DONE resolved the ticket), the escalation kind, alone and with its clock ({@code WARNING_FILE}), and {@code RED_LIST}, the closing outcome,
 * {@code RESOLVED}/{@code NOT_RESOLVED} feedback, a hand-issued {@code ORDER}/{@code REMINDER}, the urgency of a raised whistle — and whether it is urgent by
 * nature.
 */
public record EventFacts(String eventType, Set<String> qualifiers, boolean urgent) {

    public EventFacts {
        qualifiers = Set.copyOf(qualifiers);
    }

    public static EventFacts of(EventEnvelope<?> envelope) {
        var qualifiers = new HashSet<String>();
        boolean urgent = false;
        switch (envelope.data()) {
            case WhistleRaised raised -> {
                qualifiers.add(raised.urgency().name());
                urgent = raised.urgency() == Urgency.URGENT;
            }
            case WhistleRouted routed -> {
                qualifiers.add(routed.action().name());
                urgent = routed.urgency() == Urgency.URGENT;
            }
            case WhistleReported reported -> {
                qualifiers.add(reported.report().name());
                if (reported.report() == WhistleReported.Report.DONE
                        && reported.lead()
                        && reported.ticketState() == TicketState.RESOLVED) {
                    qualifiers.add("RESOLVED");
                }
            }
            case WhistleEscalated escalated -> {
                qualifiers.add(escalated.kind().name());
                // the clock too (WARNING_FILE …): who must act on a warning depends on which clock runs out
                qualifiers.add(escalated.kind().name() + "_" + escalated.clock().name());
                if (escalated.redList()) {
                    qualifiers.add("RED_LIST");
                }
                urgent = escalated.kind() == WhistleEscalated.Kind.ESCALATION || escalated.redList();
            }
            case WhistleSupervised supervised -> {
                qualifiers.add(supervised.kind().name());
                urgent = supervised.kind() == WhistleSupervised.Kind.ORDER;
            }
            case WhistleClosed closed -> qualifiers.add(closed.outcome().name());
            case WhistleFeedback feedback -> qualifiers.add(feedback.resolved() ? "RESOLVED" : "NOT_RESOLVED");
            default -> {}
        }
        return new EventFacts(envelope.type(), qualifiers, urgent);
    }

    /** The rule's class, raised to urgent when the event itself is. */
    public UrgencyClass urgencyUnder(Rule rule) {
        return urgent ? UrgencyClass.URGENT : rule.urgency();
    }
}
