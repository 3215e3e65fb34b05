package org.whistle.notification.delivery.domain;

/** Where one delivery (event × recipient × channel × target) stands; the last four are final. */
public enum DeliveryStatus {
    /** Planned, waiting for a sender. */
    PENDING,
    /** Claimed by a sender; back to pending if its claim goes stale (a crashed replica). */
    SENDING,
    /** Held back by a quiet rule; goes out in a digest when the window allows. */
    DEFERRED,
    /** Went out. */
    SENT,
    /** Failed after its retries. */
    FAILED,
    /** The recipient could not be reached at all (no contact, no active subscription); not retried. */
    UNREACHABLE,
    /** Folded into a later delivery's digest, which carries its text. */
    DIGESTED
}
