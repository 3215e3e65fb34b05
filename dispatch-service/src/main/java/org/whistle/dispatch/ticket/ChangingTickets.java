package org.whistle.dispatch.ticket;

import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.dispatch.ticket.domain.Ticket;
import org.whistle.events.Actor;
import org.whistle.events.CommandLevel;
import org.whistle.events.TicketId;
import org.whistle.events.WhistleRaised;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.problems.NotFoundException;

/**
 * The one way a ticket changes: in one transaction, lock and restore it (refusing a tampered timeline), let the
 * caller check access and apply a guarded transition, store it under its revision and put its events in the outbox.
 * A change that throws leaves nothing behind; a change that changed nothing stores nothing.
 */
@Service
public class ChangingTickets {

    /** A change applied to a restored ticket; {@code stored} is what was read, for access checks. */
    @FunctionalInterface
    public interface Change {
        void apply(Ticket ticket, StoredTicket stored, Instant now);
    }

    private final Tickets tickets;
    private final TicketNumbers numbers;
    private final TicketEventsOut events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DispatchProperties properties;

    ChangingTickets(
            Tickets tickets,
            TicketNumbers numbers,
            TicketEventsOut events,
            PlatformTransactionManager transactionManager,
            Clock clock,
            DispatchProperties properties) {
        this.tickets = tickets;
        this.numbers = numbers;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.properties = properties;
    }

    public void change(TicketId id, String traceId, Change change) {
        transactions.executeWithoutResult(status -> {
            var stored = tickets.findForUpdate(id).orElseThrow(() -> new NotFoundException("ticket", id.toString()));
            var ticket = stored.restore();
            long before = ticket.revision();
            var now = clock.instant();
            change.apply(ticket, stored, now);
            if (ticket.revision() != before) {
                tickets.update(ticket, before, now);
                events.publish(ticket, traceId);
            }
        });
    }

    /**
     * Makes the ticket of a raised whistle, numbered in this transaction; nothing when the whistle has one already.
     *
     * @param fallbackLevel the level of {@code fallbackOwner}: DISTRICT, or CITY where no district centre answers
     *
     * @return whether a ticket was made
     */
    public boolean raise(
            WhistleRaised whistle,
            Placement placement,
            @Nullable UnitCode streetCentre,
            UnitCode fallbackOwner,
            CommandLevel fallbackLevel,
            String traceId) {
        Boolean made = transactions.execute(status -> {
            if (tickets.idOfWhistle(whistle.whistleId()).isPresent()) {
                return false;
            }
            var now = clock.instant();
            var ticket = Ticket.raise(
                    TicketId.newId(),
                    whistle.whistleId(),
                    numbers.next(properties.cityPrefix(), now),
                    CategoryCode.of(whistle.categoryCode()),
                    whistle.urgency(),
                    streetCentre,
                    fallbackOwner,
                    Actor.system(TicketEventsOut.PRODUCER),
                    now);
            if (streetCentre == null && fallbackLevel != ticket.level()) {
                // The domain's fallback is the district; where no district centre answers, the city owns it.
                ticket.transfer(
                        fallbackOwner,
                        fallbackLevel,
                        "no district centre answers here: the " + fallbackLevel + " centre owns it (兜底)",
                        Actor.system(TicketEventsOut.PRODUCER),
                        now);
            }
            tickets.insert(ticket, placement, now);
            events.publish(ticket, traceId);
            return true;
        });
        return Boolean.TRUE.equals(made);
    }
}
