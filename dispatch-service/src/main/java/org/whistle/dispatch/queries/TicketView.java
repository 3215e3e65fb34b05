package org.whistle.dispatch.queries;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.whistle.dispatch.ticket.StoredTicket;
import org.whistle.dispatch.ticket.domain.FollowUpRoundPolicy;
import org.whistle.dispatch.ticket.domain.SupervisionOrder;
import org.whistle.dispatch.ticket.domain.TimelineVerifier;
import org.whistle.events.Actor;
import org.whistle.events.EvidenceRef;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.security.personaldata.Disclosure;

/**
 * A ticket's full detail and timeline, as stored; {@code chainIntact} says whether the timeline's hash chain holds
 * (and where it breaks when it does not); {@code followUpOpen} that the reporter's follow-up (回访) of this round is
 * still awaited, which the centre is told before it closes. A task's {@code settledAt} is when the ticket closed while
 * that unit was still summoned (待报到).
 */
public record TicketView(
        String id,
        String whistleId,
        String number,
        String category,
        String priority,
        String level,
        String owningCentre,
        String state,
        @Nullable String suspendedFrom,
        @Nullable String suspendReason,
        long revision,
        int reopenCount,
        @Nullable Instant raisedAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt,
        @Nullable String outcome,
        @Nullable String mergedInto,
        @Nullable String rejectReason,
        @Nullable String gridId,
        @Nullable String streetId,
        List<TaskView> tasks,
        List<SupervisionOrderView> supervisionOrders,
        int supervisionOrderCount,
        List<String> redListed,
        List<LevelView> levelHistory,
        List<EntryView> timeline,
        boolean chainIntact,
        @Nullable String chainProblem,
        boolean followUpOpen) {

    public record TaskView(
            String unit,
            boolean lead,
            String state,
            Instant summonedAt,
            @Nullable Instant reportedInAt,
            @Nullable Instant doneAt,
            @Nullable String declineReason,
            int reworkCount,
            List<ExtensionView> extensions,
            @Nullable Instant settledAt) {}

    /** {@code requestId} is what approve and refuse address. */
    public record ExtensionView(
            String requestId,
            String clock,
            Duration extraTime,
            String reason,
            Instant requestedAt,
            String status,
            @Nullable String answer,
            @Nullable Instant answeredAt) {}

    /**
     * {@code kind}: ESCALATION (a clock expired, {@code clock} names it), ORDER (督办 by hand) or REMINDER (催办 by
     * hand, not counted in {@code supervisionOrderCount}); orders by hand carry {@code issuedBy}, {@code reason} and
     * {@code dueBy}.
     */
    public record SupervisionOrderView(
            int number,
            String kind,
            String against,
            @Nullable String clock,
            String fromLevel,
            @Nullable String toLevel,
            boolean redList,
            Instant issuedAt,
            @Nullable String issuedBy,
            @Nullable String reason,
            @Nullable Instant dueBy) {}

    public record LevelView(String level, String centre, Instant since) {}

    /** One timeline entry; {@code phoneFollowUpBy} names who recorded a follow-up taken by phone (电话回访). */
    public record EntryView(
            long sequence,
            Instant at,
            Actor actor,
            String action,
            @Nullable String note,
            List<EvidenceRef> evidence,
            @Nullable String stateBefore,
            String stateAfter,
            @Nullable String unit,
            String previousHash,
            String hash,
            @Nullable Actor phoneFollowUpBy) {}

    /** The id of the {@code n}-th (1-based) extension request of a unit's task. */
    public static String requestId(UnitCode unit, int n) {
        return unit.value() + "." + n;
    }

    /**
     * The detail as one caller sees it: free text (notes, reasons) with phones in it masked unless {@code contact} is
     * full. Hashes are of the text as stored, so a masked note does not verify on the client; {@code chainIntact}
     * is checked here on the stored text.
     */
    public static TicketView of(StoredTicket stored, Disclosure contact) {
        var s = stored.snapshot();
        var verdict = stored.verifyTimeline();
        return new TicketView(
                s.id().toString(),
                s.whistleId().toString(),
                s.number().format(),
                s.category().value(),
                s.priority().name(),
                s.level().name(),
                s.owningCentre().value(),
                s.state().name(),
                s.suspendedFrom() == null ? null : s.suspendedFrom().name(),
                contact.text(s.suspendReason()),
                s.revision(),
                s.reopenCount(),
                stored.raisedAt(),
                s.resolvedAt(),
                s.closedAt(),
                s.outcome() == null ? null : s.outcome().name(),
                s.mergedInto() == null ? null : s.mergedInto().toString(),
                contact.text(s.rejectReason()),
                stored.placement().gridId(),
                stored.placement().streetId(),
                s.tasks().stream()
                        .map(t -> {
                            var n = new int[] {0};
                            return new TaskView(
                                    t.unit().value(),
                                    t.lead(),
                                    t.state().name(),
                                    t.summonedAt(),
                                    t.reportedInAt(),
                                    t.doneAt(),
                                    contact.text(t.declineReason()),
                                    t.reworkCount(),
                                    t.extensions().stream()
                                            .map(e -> new ExtensionView(
                                                    requestId(t.unit(), ++n[0]),
                                                    e.clock().name(),
                                                    e.extraTime(),
                                                    Objects.requireNonNull(contact.text(e.reason())),
                                                    e.requestedAt(),
                                                    e.status().name(),
                                                    contact.text(e.answer()),
                                                    e.answeredAt()))
                                            .toList(),
                                    t.settledAt());
                        })
                        .toList(),
                s.supervisionOrders().stream()
                        .map(o -> new SupervisionOrderView(
                                o.number(),
                                o.kind().name(),
                                o.against().value(),
                                o.clock() == null ? null : o.clock().name(),
                                o.fromLevel().name(),
                                o.toLevel() == null ? null : o.toLevel().name(),
                                o.redList(),
                                o.issuedAt(),
                                o.issuedBy() == null ? null : o.issuedBy().name(),
                                contact.text(o.reason()),
                                o.dueBy()))
                        .toList(),
                (int) s.supervisionOrders().stream()
                        .filter(SupervisionOrder::counted)
                        .count(),
                s.redListed().stream().map(UnitCode::value).sorted().toList(),
                s.levelHistory().stream()
                        .map(l -> new LevelView(l.level().name(), l.centre().value(), l.since()))
                        .toList(),
                stored.timeline().stream()
                        .map(e -> new EntryView(
                                e.sequence(),
                                e.at(),
                                e.actor(),
                                e.action().name(),
                                contact.text(e.note()),
                                e.evidence(),
                                e.stateBefore() == null ? null : e.stateBefore().name(),
                                e.stateAfter().name(),
                                e.unit() == null ? null : e.unit().value(),
                                e.previousHash(),
                                e.hash(),
                                FollowUpRoundPolicy.byPhone(e) ? e.actor() : null))
                        .toList(),
                verdict instanceof TimelineVerifier.Result.Intact,
                verdict instanceof TimelineVerifier.Result.Broken(var sequence, var reason)
                        ? "entry " + sequence + ": " + reason
                        : null,
                FollowUpRoundPolicy.open(s.state(), stored.timeline()));
    }
}
