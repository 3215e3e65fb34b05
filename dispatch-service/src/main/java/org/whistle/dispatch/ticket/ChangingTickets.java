package org.whistle.dispatch.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
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
import org.whistle.texts.Catalogue;

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

    /** A change that also answers something, such as the access rule that allowed it. */
    @FunctionalInterface
    public interface Answering<R> {
        R apply(Ticket ticket, StoredTicket stored, Instant now);
    }

    /** The ticket as it stands after the change, from the aggregate in memory, and what the change answered. */
    public record Changed<R>(StoredTicket ticket, R answer) {}

    private final Tickets tickets;
    private final TicketNumbers numbers;
    private final TicketEventsOut events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DispatchProperties properties;
    private final TicketMetrics metrics;

    ChangingTickets(
            Tickets tickets,
            TicketNumbers numbers,
            TicketEventsOut events,
            PlatformTransactionManager transactionManager,
            Clock clock,
            DispatchProperties properties,
            TicketMetrics metrics) {
        this.tickets = tickets;
        this.numbers = numbers;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.properties = properties;
        this.metrics = metrics;
    }

    public void change(TicketId id, String traceId, Change change) {
        changed(id, traceId, (ticket, stored, now) -> {
            change.apply(ticket, stored, now);
            return Boolean.TRUE;
        });
    }

    /**
     * Applies the change and answers with the ticket as it now stands, taken from the aggregate rather than read back:
     * what was stored in this transaction is exactly that.
     */
    public <R> Changed<R> changed(TicketId id, String traceId, Answering<R> change) {
        return Objects.requireNonNull(transactions.execute(status -> {
            var stored = tickets.findForUpdate(id).orElseThrow(() -> new NotFoundException("ticket", id.toString()));
            var ticket = stored.restore();
            long before = ticket.revision();
            var now = now();
            var answer = change.apply(ticket, stored, now);
            if (ticket.revision() != before) {
                tickets.update(ticket, stored, now);
                events.publish(ticket, traceId);
                metrics.changed(stored.snapshot(), ticket.snapshot(), stored.raisedAt());
            }
            return new Changed<>(stored.after(ticket), answer);
        }));
    }

    /** Now, as PostgreSQL keeps it (microseconds), so the ticket in memory equals the ticket stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
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
            var now = now();
            // The day's counter row is locked from here to the commit: only the ticket's one write and its events
            // follow.
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
                        Catalogue.chinese()
                                .text(
                                        "dispatch.note.fallbackCentre",
                                        Map.of("level", Catalogue.chinese().name("level", fallbackLevel))),
                        Actor.system(TicketEventsOut.PRODUCER),
                        now);
            }
            tickets.insert(ticket, placement, SearchText.of(whistle.location().address(), whistle.description()), now);
            events.publish(ticket, traceId);
            return true;
        });
        return Boolean.TRUE.equals(made);
    }
}
