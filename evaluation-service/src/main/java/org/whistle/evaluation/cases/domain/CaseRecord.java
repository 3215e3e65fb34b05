package org.whistle.evaluation.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A case as its facts describe it: the row every figure is counted from. Derived, never edited: {@link CaseFold}
 * gives the same record for the same facts in any order.
 *
 * @param dueSource where {@code handleDueAt} comes from: {@code SLA} (the due time sla-service announced with a
 *     warning or an expiry), {@code ESTIMATED} (dispatch time plus the policy's duration round the clock, when the
 *     clock stopped before its warning — so it was on time) or {@code NONE} (never dispatched)
 * @param decidingClockId the clock instance whose expiry made the handling late, when it was late
 * @param answersIgnored follow-up answers that did not count: not authentic, or a second answer in the same round
 */
public record CaseRecord(
        UUID whistleId,
        @Nullable UUID ticketId,
        @Nullable String ticketNumber,
        @Nullable String categoryCode,
        @Nullable String gridId,
        @Nullable String streetId,
        @Nullable String areaId,
        @Nullable String owningCentreId,
        @Nullable String level,
        @Nullable String state,
        @Nullable String reporterRole,
        @Nullable Instant raisedAt,
        @Nullable Instant filedAt,
        @Nullable Instant fileDueAt,
        boolean fileLate,
        @Nullable Instant dispatchedAt,
        boolean returned,
        boolean transferred,
        @Nullable String leadUnitId,
        @Nullable Instant handledAt,
        @Nullable Instant handleDueAt,
        String dueSource,
        @Nullable Instant resolveExpiredAt,
        boolean handledLate,
        @Nullable String decidingClockId,
        @Nullable Instant closedAt,
        @Nullable String outcome,
        boolean closedOnTime,
        int reworked,
        int extended,
        int supervised,
        boolean selfHandled,
        boolean signedFor,
        @Nullable Instant contactedAt,
        boolean respondedOnTime,
        boolean followedUp,
        boolean answerResolved,
        @Nullable String answerRating,
        boolean answerByPhone,
        @Nullable Integer answerRound,
        int answersIgnored,
        @Nullable String exemptReason,
        LocalDate countDate,
        int facts,
        List<UnitRecord> units) {

    public CaseRecord {
        units = List.copyOf(units);
    }

    /** Whether the other record counts the same in every figure (the number of facts behind it aside). */
    public boolean countsAs(CaseRecord other) {
        return withFacts(0).equals(other.withFacts(0));
    }

    private CaseRecord withFacts(int count) {
        return new CaseRecord(
                whistleId,
                ticketId,
                ticketNumber,
                categoryCode,
                gridId,
                streetId,
                areaId,
                owningCentreId,
                level,
                state,
                reporterRole,
                raisedAt,
                filedAt,
                fileDueAt,
                fileLate,
                dispatchedAt,
                returned,
                transferred,
                leadUnitId,
                handledAt,
                handleDueAt,
                dueSource,
                resolveExpiredAt,
                handledLate,
                decidingClockId,
                closedAt,
                outcome,
                closedOnTime,
                reworked,
                extended,
                supervised,
                selfHandled,
                signedFor,
                contactedAt,
                respondedOnTime,
                followedUp,
                answerResolved,
                answerRating,
                answerByPhone,
                answerRound,
                answersIgnored,
                exemptReason,
                countDate,
                count,
                units);
    }

    /** One unit summoned to the case, counted by the date its report-in clock fell due. */
    public record UnitRecord(
            String unitId,
            boolean lead,
            Instant summonedAt,
            Instant reportInDueAt,
            String dueSource,
            @Nullable Instant reportedInAt,
            boolean reportInLate,
            @Nullable Instant onSiteAt,
            @Nullable Instant doneAt,
            @Nullable Instant declinedAt,
            LocalDate countDate) {}
}
