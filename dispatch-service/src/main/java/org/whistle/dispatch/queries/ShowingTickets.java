package org.whistle.dispatch.queries;

import org.springframework.stereotype.Component;
import org.whistle.dispatch.access.TicketAccess;
import org.whistle.dispatch.ticket.StoredTicket;
import org.whistle.dispatch.ticket.Tickets;
import org.whistle.events.TicketId;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;

/**
 * Shows a ticket's detail to a caller: as far as they may see it (phones in free text masked unless they may see the
 * reporter's), and recorded in the access-decision log with the rule that let them.
 */
@Component
public class ShowingTickets {

    private final Tickets tickets;
    private final TicketAccess access;

    ShowingTickets(Tickets tickets, TicketAccess access) {
        this.tickets = tickets;
        this.access = access;
    }

    /** The ticket for a caller who may read it; 404 when it does not exist or they may not see it. */
    public TicketView read(TicketId id, Caller caller) {
        var stored = tickets.find(id).orElse(null);
        if (stored == null) {
            access.noSuchTicket(caller, id.value(), "read");
            throw new NotFoundException("ticket", id.toString());
        }
        return shown(caller, stored, "read", access.requireRead(caller, stored, "read"));
    }

    /**
     * The detail as this caller may see it after {@code action}, allowed by {@code rule}, recorded as shown. Shown as
     * the ticket stands: a unit that has just finished its task no longer sees the reporter's number.
     */
    public TicketView shown(Caller caller, StoredTicket stored, String action, String rule) {
        var contact = access.contact(caller, stored);
        access.shown(caller, stored, action, rule, contact);
        return TicketView.of(stored, contact);
    }
}
