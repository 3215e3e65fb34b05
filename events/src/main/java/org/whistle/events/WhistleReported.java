package org.whistle.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A summoned unit reported on its task: reported in (报到), on site, progress, contacted the reporter, done with
 * evidence, or declined. When the lead unit reports done the ticket becomes RESOLVED.
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
        Instant at)
        implements WhistleEvent {

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
