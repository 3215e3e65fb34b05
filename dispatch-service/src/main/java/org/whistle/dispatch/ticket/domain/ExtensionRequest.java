package org.whistle.dispatch.ticket.domain;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.orgreference.domain.routing.UnitCode;

/** A unit's request for extra time (延期) on one clock, and the command centre's answer. */
public record ExtensionRequest(
        UnitCode unit,
        ClockKind clock,
        Duration extraTime,
        String reason,
        Instant requestedAt,
        Status status,
        @Nullable String answer,
        @Nullable Instant answeredAt) {

    /** Where the request stands. */
    public enum Status {
        PENDING,
        APPROVED,
        REFUSED
    }

    ExtensionRequest answered(Status status, @Nullable String answer, Instant at) {
        return new ExtensionRequest(unit, clock, extraTime, reason, requestedAt, status, answer, at);
    }
}
