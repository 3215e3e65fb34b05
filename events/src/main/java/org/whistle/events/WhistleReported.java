package org.whistle.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A summoned unit reported on its task: reported in (报到), on site, progress, contacted the reporter, done with
 * evidence, or declined. When the lead unit reports done the ticket becomes RESOLVED.
 *
 * @param timelineHead the ticket's timeline head after this change (its sequence equals the envelope's revision), which
 *     anchors dispatch's hash chain outside its database (ADR 0016); absent from producers that predate it
 */
public record WhistleReported(
        WhistleId whistleId,
        TicketId ticketId,
        String unitId,
        Report report,
        TaskState taskState,
        boolean lead,
        TicketState ticketState,
        @Nullable String note,
        List<EvidenceRef> evidence,
        Actor actor,
        Instant at,
        @Nullable TimelineHead timelineHead)
        implements WhistleEvent {

    /** Without the timeline head, as published before it was added. */
    public WhistleReported(
            WhistleId whistleId,
            TicketId ticketId,
            String unitId,
            Report report,
            TaskState taskState,
            boolean lead,
            TicketState ticketState,
            @Nullable String note,
            List<EvidenceRef> evidence,
            Actor actor,
            Instant at) {
        this(whistleId, ticketId, unitId, report, taskState, lead, ticketState, note, evidence, actor, at, null);
    }

    /** What the unit reported. */
    public enum Report {
        REPORTED_IN,
        ON_SITE,
        PROGRESS,
        /** 先行联系: the unit spoke with the reporter; stops the contact-reporter clock. */
        CONTACTED_REPORTER,
        DONE,
        DECLINED
    }
}
