package org.whistle.dispatch.ticket;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.whistle.dispatch.ticket.domain.SupervisionOrder;
import org.whistle.dispatch.ticket.domain.Ticket;
import org.whistle.dispatch.ticket.domain.TicketEvent;
import org.whistle.events.EventData;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TimelineHead;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleClosed.Outcome;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.WhistleRouted.Action;
import org.whistle.events.WhistleSupervised;
import org.whistle.messaging.outbox.Outbox;
import org.whistle.security.personaldata.PersonalData;
import org.whistle.texts.Catalogue;

/**
 * Maps the ticket's domain events to the contract and appends them to the outbox in the transaction that stored the
 * change, each with the revision of its own change (ADR 0009 has the table). Events without a contract record stay
 * inside dispatch. Free text (notes, reasons) goes out with phones in it masked: the bus carries masked forms only,
 * and the timeline keeps the words as written.
 */
@Component
class TicketEventsOut {

    static final String PRODUCER = "dispatch-service";

    private final Outbox outbox;
    private final Clock clock;

    TicketEventsOut(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    void publish(Ticket ticket, String traceId) {
        for (var event : ticket.events()) {
            contractOf(ticket, event, headAt(ticket, event.change().revision()))
                    .ifPresent(data -> outbox.append(
                            EventEnvelope.wrap(data, event.change().revision(), PRODUCER, traceId, clock)));
        }
        ticket.clearEvents();
    }

    /** The timeline head right after the change of {@code revision}: that change's entry (ADR 0016). */
    private static TimelineHead headAt(Ticket ticket, long revision) {
        var entry = ticket.timeline().entries().get((int) revision - 1);
        return new TimelineHead(entry.sequence(), entry.hash());
    }

    static Optional<EventData> contractOf(Ticket ticket, TicketEvent event, TimelineHead head) {
        return Optional.ofNullable(
                switch (event) {
                    case TicketEvent.Filed e -> routed(ticket, e, head, Action.FILED, null, null);
                    case TicketEvent.UnitsSummoned e -> routed(ticket, e, head, Action.SUMMONED, null, null);
                    case TicketEvent.Transferred e -> routed(ticket, e, head, Action.TRANSFERRED, null, e.reason());
                    case TicketEvent.Returned e -> routed(ticket, e, head, Action.RETURNED, null, e.reason());
                    case TicketEvent.Suspended e -> routed(ticket, e, head, Action.SUSPENDED, null, e.reason());
                    case TicketEvent.Resumed e -> routed(ticket, e, head, Action.RESUMED, null, null);
                    case TicketEvent.Verified e -> routed(ticket, e, head, Action.VERIFIED, null, null);
                    case TicketEvent.LevelRaised e ->
                        routed(
                                ticket,
                                e,
                                head,
                                Action.LEVEL_RAISED,
                                null,
                                Catalogue.chinese()
                                        .text(
                                                "dispatch.reason.levelRaised",
                                                Map.of(
                                                        "clock",
                                                        Catalogue.chinese()
                                                                .name(
                                                                        "clock",
                                                                        e.order()
                                                                                .clock()),
                                                        "number",
                                                        e.order().number())));
                    case TicketEvent.ExtensionApproved e ->
                        routed(
                                ticket,
                                e,
                                head,
                                Action.EXTENDED,
                                new WhistleRouted.Extension(e.clock(), e.unit().value(), e.extraTime()),
                                null);
                    case TicketEvent.VerificationFailed e -> routed(ticket, e, head, Action.REOPENED, null, e.reason());
                    case TicketEvent.Reopened e -> routed(ticket, e, head, Action.REOPENED, null, e.reason());
                    case TicketEvent.UnitReported e -> {
                        var c = e.change();
                        yield new WhistleReported(
                                c.whistleId(),
                                c.ticketId(),
                                e.unit().value(),
                                e.report(),
                                e.taskState(),
                                e.lead(),
                                c.after(),
                                PersonalData.phonesIn(e.note()),
                                e.evidence(),
                                c.actor(),
                                c.at(),
                                head);
                    }
                    case TicketEvent.Closed e -> closed(e, head, e.outcome(), null, null);
                    case TicketEvent.Rejected e -> closed(e, head, Outcome.REJECTED, e.reason(), null);
                    case TicketEvent.Merged e -> closed(e, head, Outcome.MERGED, null, e.into());
                    case TicketEvent.SummonsChanged e -> routed(ticket, e, head, Action.SUMMONED, null, e.reason());
                    case TicketEvent.Supervised e -> {
                        var c = e.change();
                        var order = e.order();
                        yield new WhistleSupervised(
                                c.whistleId(),
                                c.ticketId(),
                                ticket.number().format(),
                                order.kind() == SupervisionOrder.Kind.REMINDER
                                        ? WhistleSupervised.Kind.REMINDER
                                        : WhistleSupervised.Kind.ORDER,
                                order.number(),
                                order.against().value(),
                                c.level(),
                                c.owningCentre().value(),
                                java.util.Objects.requireNonNull(order.issuedBy()),
                                java.util.Objects.requireNonNull(PersonalData.phonesIn(order.reason())),
                                java.util.Objects.requireNonNull(order.dueBy()),
                                c.actor(),
                                c.at(),
                                head);
                    }
                    case TicketEvent.MergedIn e -> null;
                    case TicketEvent.Raised e -> null;
                    case TicketEvent.PriorityChanged e -> null;
                    case TicketEvent.Recategorised e -> null;
                    case TicketEvent.ExtensionRequested e -> null;
                    case TicketEvent.ExtensionRefused e -> null;
                    case TicketEvent.RedListed e -> null;
                    case TicketEvent.FollowedUp e -> null;
                });
    }

    private static WhistleRouted routed(
            Ticket ticket,
            TicketEvent event,
            TimelineHead head,
            Action action,
            WhistleRouted.@org.jspecify.annotations.Nullable Extension extension,
            @org.jspecify.annotations.Nullable String reason) {
        var c = event.change();
        return new WhistleRouted(
                c.whistleId(),
                c.ticketId(),
                ticket.number().format(),
                action,
                c.after(),
                c.level(),
                c.owningCentre().value(),
                ticket.category().value(),
                ticket.priority(),
                ticket.tasks().stream()
                        .map(t -> new WhistleRouted.Summons(t.unit().value(), t.lead(), t.state()))
                        .toList(),
                extension,
                PersonalData.phonesIn(reason),
                c.actor(),
                c.at(),
                head);
    }

    private static WhistleClosed closed(
            TicketEvent event,
            TimelineHead head,
            Outcome outcome,
            @org.jspecify.annotations.Nullable String reason,
            org.whistle.events.@org.jspecify.annotations.Nullable TicketId mergedInto) {
        var c = event.change();
        return new WhistleClosed(
                c.whistleId(),
                c.ticketId(),
                outcome,
                PersonalData.phonesIn(reason),
                mergedInto,
                c.actor(),
                c.at(),
                head);
    }
}
