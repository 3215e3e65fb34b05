package org.whistle.dispatch.ticket.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;

/**
 * A supervision order (督办) against a late unit, raised when a clock expired.
 *
 * @param against the late unit, or the owning centre when a centre clock (file, verify) expired
 * @param toLevel the level the ticket moved to; absent at city level, where {@code redList} is true
 */
public record SupervisionOrder(
        int number,
        UnitCode against,
        ClockKind clock,
        CommandLevel fromLevel,
        @Nullable CommandLevel toLevel,
        boolean redList,
        Instant issuedAt) {}
