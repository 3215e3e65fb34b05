package org.whistle.sla.clocks.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.WhistleEscalated;

/**
 * A clock reached its warning ratio or its due time: what {@code whistle-escalated} must say, once per clock
 * instance.
 *
 * @param toLevel where the ticket escalates; null for warnings and at city level
 * @param revision the sheet's publication counter, the envelope's revision for this producer
 * @param cause the {@code traceparent} of the event that started the clock, whose trace the firing continues
 */
public record Firing(
        WhistleEscalated.Kind kind,
        String whistleId,
        @Nullable String ticketId,
        ClockKind clock,
        String clockId,
        @Nullable String unitId,
        CommandLevel fromLevel,
        @Nullable CommandLevel toLevel,
        boolean redList,
        Instant startedAt,
        Instant dueAt,
        Instant firedAt,
        long revision,
        @Nullable String cause) {}
