package org.whistle.dispatch.ticket.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.events.Actor;
import org.whistle.events.EvidenceRef;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.orgreference.domain.routing.UnitCode;

/** A ticket's append-only, hash-chained record of every change; what supervision and evaluation read. */
public final class Timeline {

    private final TicketId ticket;
    private final List<TimelineEntry> entries = new ArrayList<>();

    Timeline(TicketId ticket) {
        this.ticket = ticket;
    }

    TimelineEntry append(
            Instant at,
            Actor actor,
            TicketAction action,
            @Nullable String note,
            List<EvidenceRef> evidence,
            @Nullable TicketState before,
            TicketState after,
            @Nullable UnitCode unit) {
        var entry = TimelineEntry.next(
                ticket, entries.size() + 1L, at, actor, action, note, evidence, before, after, unit, headHash());
        entries.add(entry);
        return entry;
    }

    /** Takes back entries read from storage; the caller has verified them. */
    void restore(List<TimelineEntry> stored) {
        entries.addAll(stored);
    }

    public List<TimelineEntry> entries() {
        return List.copyOf(entries);
    }

    /** The hash of the latest entry, the chain's anchor; {@link TimelineEntry#GENESIS} when empty. */
    public String headHash() {
        return entries.isEmpty() ? TimelineEntry.GENESIS : entries.getLast().hash();
    }

    public int size() {
        return entries.size();
    }
}
