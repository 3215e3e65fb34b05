package org.whistle.members.tasks.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One member's claim on a task, as the task holds it; changed only through {@link Task}.
 *
 * @param memberId the membership that claimed
 * @param memberName the member's name, for the publisher's list and the timeline
 */
public record Claim(
        UUID memberId,
        String memberName,
        ClaimState state,
        Instant claimedAt,
        @Nullable Instant checkedInAt,
        @Nullable Double checkInLat,
        @Nullable Double checkInLng,
        @Nullable UUID checkInPhoto,
        @Nullable Instant finishedAt,
        @Nullable String evidence,
        @Nullable UUID evidencePhoto,
        @Nullable BigDecimal hours,
        @Nullable String approvedBy,
        @Nullable Instant approvedAt) {

    static Claim claimed(UUID memberId, String memberName, Instant at) {
        return new Claim(
                memberId,
                memberName,
                ClaimState.CLAIMED,
                at,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    Claim in(ClaimState next) {
        return new Claim(
                memberId,
                memberName,
                next,
                claimedAt,
                checkedInAt,
                checkInLat,
                checkInLng,
                checkInPhoto,
                finishedAt,
                evidence,
                evidencePhoto,
                hours,
                approvedBy,
                approvedAt);
    }

    Claim checkedIn(Instant at, double lat, double lng, UUID photo) {
        return new Claim(
                memberId,
                memberName,
                ClaimState.CHECKED_IN,
                claimedAt,
                at,
                lat,
                lng,
                photo,
                finishedAt,
                evidence,
                evidencePhoto,
                hours,
                approvedBy,
                approvedAt);
    }

    Claim finished(Instant at, String note, @Nullable UUID photo, BigDecimal served) {
        return new Claim(
                memberId,
                memberName,
                ClaimState.FINISHED,
                claimedAt,
                checkedInAt,
                checkInLat,
                checkInLng,
                checkInPhoto,
                at,
                note,
                photo,
                served,
                approvedBy,
                approvedAt);
    }

    Claim approved(String by, Instant at) {
        return new Claim(
                memberId,
                memberName,
                ClaimState.APPROVED,
                claimedAt,
                checkedInAt,
                checkInLat,
                checkInLng,
                checkInPhoto,
                finishedAt,
                evidence,
                evidencePhoto,
                hours,
                by,
                at);
    }
}
