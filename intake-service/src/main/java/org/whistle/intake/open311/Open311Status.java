package org.whistle.intake.open311;

import org.whistle.intake.following.domain.PublicStatus;

/**
 * GeoReport v2 statuses from ours: {@code open}/{@code closed}, plus FixMyStreet's extended status for clients that
 * ask for it. A whistle is closed for Open311 once the lead unit reported it fixed, or it was rejected or merged.
 */
public final class Open311Status {

    private Open311Status() {}

    public static String of(PublicStatus status) {
        return switch (status) {
            case RAISED, FILED, DISPATCHED, IN_PROGRESS, RETURNED, SUSPENDED -> "open";
            case RESOLVED, VERIFIED, CLOSED, REJECTED, MERGED -> "closed";
        };
    }

    public static String extended(PublicStatus status) {
        return switch (status) {
            case RAISED -> "OPEN";
            case FILED -> "INVESTIGATING";
            case DISPATCHED -> "ACTION_SCHEDULED";
            case IN_PROGRESS, SUSPENDED -> "IN_PROGRESS";
            case RETURNED -> "INTERNAL_REFERRAL";
            case RESOLVED, VERIFIED -> "FIXED";
            case CLOSED -> "CLOSED";
            case REJECTED -> "NO_FURTHER_ACTION";
            case MERGED -> "DUPLICATE";
        };
    }
}
