package org.whistle.dispatch.ticket.domain;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.EvidenceRef;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed.Outcome;
import org.whistle.events.WhistleReported.Report;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.routing.UnitCode;

/**
 * What happened to a ticket, in the past tense, one per change. The application layer maps them to the contract
 * ({@code WhistleRouted}, {@code WhistleReported}, {@code WhistleClosed}); some (priority, category, extension
 * requests and refusals, red list) have no contract record and stay inside dispatch.
 */
public sealed interface TicketEvent {

    TicketChange change();

    /** A whistle became a ticket at its street centre (or the fallback owner). */
    record Raised(TicketChange change, String ticketNumber, CategoryCode category, Urgency priority)
            implements TicketEvent {}

    /** 受理: accepted as a case. Maps to WhistleRouted FILED. */
    record Filed(TicketChange change) implements TicketEvent {}

    /** Filtered out as invalid. Maps to WhistleClosed REJECTED. */
    record Rejected(TicketChange change, String reason) implements TicketEvent {}

    /** A duplicate attached to another ticket. Maps to WhistleClosed MERGED. */
    record Merged(TicketChange change, TicketId into) implements TicketEvent {}

    /** The priority changed; dispatch-internal, carried by the next WhistleRouted. */
    record PriorityChanged(TicketChange change, Urgency from, Urgency to) implements TicketEvent {}

    /** The category changed; dispatch-internal, carried by the next WhistleRouted. */
    record Recategorised(TicketChange change, CategoryCode from, CategoryCode to) implements TicketEvent {}

    /** 派哨: units summoned, the lead named if it is among them. Maps to WhistleRouted SUMMONED. */
    record UnitsSummoned(TicketChange change, @Nullable UnitCode lead, List<UnitCode> units) implements TicketEvent {}

    /** 转交: moved to another centre and/or level. Maps to WhistleRouted TRANSFERRED. */
    record Transferred(
            TicketChange change,
            UnitCode fromCentre,
            CommandLevel fromLevel,
            UnitCode toCentre,
            CommandLevel toLevel,
            String reason)
            implements TicketEvent {}

    /** 退回: no unit is left to lead, back to the command level. Maps to WhistleRouted RETURNED. */
    record Returned(TicketChange change, String reason) implements TicketEvent {}

    /** A unit asked for more time; dispatch-internal (the centre's work queue). */
    record ExtensionRequested(TicketChange change, UnitCode unit, ClockKind clock, Duration extraTime, String reason)
            implements TicketEvent {}

    /** 延期 approved. Maps to WhistleRouted EXTENDED; sla-service moves the clock, the domain does not. */
    record ExtensionApproved(TicketChange change, UnitCode unit, ClockKind clock, Duration extraTime)
            implements TicketEvent {}

    /** An extension refused; dispatch-internal. */
    record ExtensionRefused(TicketChange change, UnitCode unit, ClockKind clock, Duration extraTime, String reason)
            implements TicketEvent {}

    /** 挂账. Maps to WhistleRouted SUSPENDED. */
    record Suspended(TicketChange change, String reason) implements TicketEvent {}

    /** Back from suspension. Maps to WhistleRouted RESUMED. */
    record Resumed(TicketChange change) implements TicketEvent {}

    /** 核查 passed. Maps to WhistleRouted VERIFIED. */
    record Verified(TicketChange change) implements TicketEvent {}

    /** 核查 failed: rework by the lead. Maps to WhistleRouted REOPENED. */
    record VerificationFailed(TicketChange change, UnitCode lead, String reason) implements TicketEvent {}

    /** 结案. Maps to WhistleClosed RESOLVED or NO_ANSWER. */
    record Closed(TicketChange change, Outcome outcome) implements TicketEvent {}

    /** 返工 after "not fixed", counted against the lead. Maps to WhistleRouted REOPENED. */
    record Reopened(TicketChange change, UnitCode lead, String reason, int reopenCount) implements TicketEvent {}

    /** Escalated one level with a supervision order. Maps to WhistleRouted LEVEL_RAISED. */
    record LevelRaised(TicketChange change, CommandLevel from, CommandLevel to, SupervisionOrder order)
            implements TicketEvent {}

    /**
     * 督办 or 催办 issued by hand by a district or city dispatcher, with a reason and a new deadline. Maps to {@code
     * WhistleSupervised}.
     */
    record Supervised(TicketChange change, SupervisionOrder order) implements TicketEvent {}

    /**
     * 撤回 or 改派主办: the summons changed without a unit declining — a unit withdrawn, or another lead named. Maps to
     * WhistleRouted SUMMONED carrying the summons as they now are, with the reason.
     */
    record SummonsChanged(TicketChange change, String reason) implements TicketEvent {}

    /** On the survivor: a duplicate was merged into it; dispatch-internal (the merged one is WhistleClosed MERGED). */
    record MergedIn(TicketChange change, TicketId from, String fromNumber) implements TicketEvent {}

    /** Escalated at city level: the late unit is red-listed; dispatch-internal (sla-service already said so). */
    record RedListed(TicketChange change, SupervisionOrder order) implements TicketEvent {}

    /**
     * 回访: the reporter's answer, or a command centre's record of it taken by phone ({@code recordedBy}); {@code
     * counted} is false when the round already had its answer or has no result to judge. Dispatch-internal: intake
     * published the answer as {@code whistle-feedback}; what it causes (close, reopen) is published as such.
     */
    record FollowedUp(
            TicketChange change,
            org.whistle.events.Rating rating,
            boolean resolved,
            boolean counted,
            org.whistle.events.@Nullable Actor recordedBy)
            implements TicketEvent {}

    /** A unit reported on its task. Maps to WhistleReported. */
    record UnitReported(
            TicketChange change,
            UnitCode unit,
            boolean lead,
            Report report,
            TaskState taskState,
            @Nullable String note,
            List<EvidenceRef> evidence)
            implements TicketEvent {}
}
