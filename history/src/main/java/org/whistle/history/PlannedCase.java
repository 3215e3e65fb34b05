package org.whistle.history;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Rating;
import org.whistle.events.TicketId;
import org.whistle.events.UnitRated;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleId;

/**
 * One generated case: what happened to it (the truth a test computes figures from by hand) and the events that say
 * so, in the order they happened. Facts after the generator's "as of" instant did not happen (yet) and are absent.
 *
 * @param resolveDue when the handling clock (RESOLVE) fell due: dispatch plus the policy's duration, round the clock,
 *     plus the extension the centre granted, if any
 * @param resolveWarned whether sla-service announced that due time (a warning at 80 %, or the expiry)
 * @param handledAt when the lead unit last reported done (after a rework, the second time)
 * @param handledLate whether the handling clock expired before the lead reported done
 * @param extensions how many times the centre extended the handling clock at the lead unit's request (延期)
 */
public record PlannedCase(
        WhistleId whistleId,
        TicketId ticketId,
        String ticketNumber,
        City.Category category,
        Urgency urgency,
        City.Grid grid,
        City.Street street,
        Fate fate,
        @Nullable String reporterRole,
        Instant raisedAt,
        @Nullable Instant filedAt,
        @Nullable Instant summonedAt,
        @Nullable Instant resolveDue,
        boolean resolveWarned,
        List<Part> parts,
        @Nullable Instant handledAt,
        boolean handledLate,
        int reworks,
        int extensions,
        @Nullable Instant closedAt,
        WhistleClosed.@Nullable Outcome outcome,
        @Nullable Answer answer,
        List<EventEnvelope<?>> events) {

    /** What the generator meant to happen to the case. */
    public enum Fate {
        /** 无效诉求: rejected at triage, never filed. */
        REJECTED,
        /** A duplicate merged into an earlier ticket of the same grid. */
        MERGED,
        /** 自行处置: the grid worker who raised it handled it on the spot; nobody summoned. */
        SELF_HANDLED,
        /** Filed, units summoned (吹哨), handled, verified, followed up. */
        HANDLED
    }

    /**
     * A summoned unit's part.
     *
     * @param reportInLate whether its report-in clock expired first (sla-service escalated it)
     * @param rating how the summoning centre rates the part once it ended (双考核), for a test or a demo to give
     */
    public record Part(
            String unitId,
            boolean lead,
            Instant summonedAt,
            Instant reportInDue,
            @Nullable Instant reportedInAt,
            boolean reportInLate,
            @Nullable Instant onSiteAt,
            @Nullable Instant doneAt,
            @Nullable Instant declinedAt,
            PlannedRating rating) {

        public boolean ended() {
            return doneAt != null || declinedAt != null;
        }
    }

    /** The reporter's follow-up answer (回访), given online or recorded by the centre on the phone. */
    public record Answer(Rating rating, boolean resolved, boolean byPhone, Instant at) {}

    /** A centre's rating of a unit's part (双考核): the four checks, a quality grade, a score and a comment. */
    public record PlannedRating(
            boolean reportedInOnTime,
            boolean cameOnSite,
            boolean stayedUntilDone,
            UnitRated.Quality quality,
            int score,
            String comment) {}

    public @Nullable Part lead() {
        return parts.stream().filter(Part::lead).findFirst().orElse(null);
    }
}
