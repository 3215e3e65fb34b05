package org.whistle.intake.open311;

import org.whistle.intake.raising.domain.PublicStatus;

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

    /** Statuses a client may give on a posted update: the spec's two and FixMyStreet's extended ones. */
    public static final java.util.Set<String> OPEN_GIVEN =
            java.util.Set.of("OPEN", "INVESTIGATING", "IN_PROGRESS", "ACTION_SCHEDULED", "INTERNAL_REFERRAL", "REOPEN");

    public static final java.util.Set<String> CLOSED_GIVEN = java.util.Set.of(
            "CLOSED",
            "FIXED",
            "DUPLICATE",
            "NOT_COUNCILS_RESPONSIBILITY",
            "NO_FURTHER_ACTION",
            "UNABLE_TO_FIX",
            "WONT_FIX");

    /** A status as a client gave it, upper case; empty when it is none the spec or FixMyStreet names. */
    public static java.util.Optional<String> given(String status) {
        var upper = status.strip().toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
        return OPEN_GIVEN.contains(upper) || CLOSED_GIVEN.contains(upper)
                ? java.util.Optional.of(upper)
                : java.util.Optional.empty();
    }
}
