package org.whistle.dispatch.ticket;

import java.time.Instant;
import java.util.List;
import org.whistle.dispatch.ticket.domain.Ticket;
import org.whistle.dispatch.ticket.domain.TicketSnapshot;
import org.whistle.dispatch.ticket.domain.TimelineEntry;
import org.whistle.dispatch.ticket.domain.TimelineVerifier;

/**
 * A ticket as read from the database, before its timeline is trusted (what queries show, and what {@link #restore()}
 * turns back into the aggregate), or as it stands after a change, from the aggregate in memory: then its timeline was
 * verified when it was restored and every entry since was chained by the aggregate itself ({@code chainVerified}).
 */
public record StoredTicket(
        TicketSnapshot snapshot,
        List<TimelineEntry> timeline,
        Placement placement,
        Instant raisedAt,
        boolean chainVerified) {

    /** A ticket as read, its timeline still to be verified. */
    public StoredTicket(TicketSnapshot snapshot, List<TimelineEntry> timeline, Placement placement, Instant raisedAt) {
        this(snapshot, timeline, placement, raisedAt, false);
    }

    /** The aggregate, refusing a timeline that was tampered with. */
    public Ticket restore() {
        return Ticket.restore(snapshot, timeline);
    }

    /** This ticket as it stands after {@code changed}, restored from it: placement and raising unchanged. */
    StoredTicket after(Ticket changed) {
        return new StoredTicket(changed.snapshot(), changed.timeline().entries(), placement, raisedAt, true);
    }

    public TimelineVerifier.Result verifyTimeline() {
        return chainVerified
                ? new TimelineVerifier.Result.Intact(timeline.size())
                : TimelineVerifier.verify(snapshot.id(), timeline, snapshot.revision());
    }
}
