package org.whistle.events;

import org.jspecify.annotations.Nullable;

/**
 * Who raised a whistle, as far as other services may know: the phone number never travels on the bus, only its
 * masked form (138****5678); intake keeps the number, encrypted.
 */
public record Reporter(
        Kind kind,
        @Nullable String userId,
        @Nullable String role,
        @Nullable String maskedPhone) {

    /** How the reporter identified themselves. */
    public enum Kind {
        /** No identity; follow-up is only possible through the tracking code. */
        ANONYMOUS,
        /** A phone number, verified or not; intake holds it. */
        PHONE,
        /** An authenticated platform user (grid worker, resident account, party member …). */
        USER
    }
}
