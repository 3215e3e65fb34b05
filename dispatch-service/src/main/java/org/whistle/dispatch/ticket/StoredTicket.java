package org.whistle.dispatch.ticket;

import java.time.Instant;
import java.util.List;
import org.whistle.dispatch.ticket.domain.Ticket;
import org.whistle.dispatch.ticket.domain.TicketSnapshot;
import org.whistle.dispatch.ticket.domain.TimelineEntry;
import org.whistle.dispatch.ticket.domain.TimelineVerifier;

/**
 * A ticket as read from the database, before its timeline is trusted: what queries show, and what {@link #restore()}
 * turns back into the aggregate.
 */
public record StoredTicket(
        TicketSnapshot snapshot, List<TimelineEntry> timeline, Placement placement, Instant raisedAt) {

    /** The aggregate, refusing a timeline that was tampered with. */
    public Ticket restore() {
        return Ticket.restore(snapshot, timeline);
    }

    /** This ticket as it stands after {@code changed}, its placement and raising unchanged. */
    StoredTicket after(Ticket changed) {
        return new StoredTicket(changed.snapshot(), changed.timeline().entries(), placement, raisedAt);
    }

    public TimelineVerifier.Result verifyTimeline() {
        return TimelineVerifier.verify(snapshot.id(), timeline, snapshot.revision());
    }
}
