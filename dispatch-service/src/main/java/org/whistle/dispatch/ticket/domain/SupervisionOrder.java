package org.whistle.dispatch.ticket.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.orgreference.domain.routing.UnitCode;

/**
 * A supervision order (督办) against a late unit: raised when a clock expired ({@link Kind#ESCALATION}), or issued by
 * hand by a district or city dispatcher ({@link Kind#ORDER} 督办, {@link Kind#REMINDER} 催办) with a reason and a new
 * deadline. Every kind is numbered in one sequence per ticket; reminders are not counted as orders.
 *
 * @param against the late unit, or the owning centre when a centre clock (file, verify) expired or nobody leads yet
 * @param clock the expired clock; absent for orders issued by hand
 * @param fromLevel the ticket's level when the order was issued
 * @param toLevel the level the ticket moved to; absent at city level, where {@code redList} is true, and for orders
 *     issued by hand
 * @param issuedBy the level of the centre that issued an order by hand; absent for escalations
 * @param reason why an order was issued by hand; absent for escalations
 * @param dueBy the new deadline an order issued by hand sets; absent for escalations
 */
public record SupervisionOrder(
        int number,
        Kind kind,
        UnitCode against,
        @Nullable ClockKind clock,
        CommandLevel fromLevel,
        @Nullable CommandLevel toLevel,
        boolean redList,
        Instant issuedAt,
        @Nullable CommandLevel issuedBy,
        @Nullable String reason,
        @Nullable Instant dueBy) {

    /** Where the order came from. */
    public enum Kind {
        /** A clock expired (sla-service): the ticket was raised a level, or the unit red-listed at city level. */
        ESCALATION,
        /** 督办 issued by hand by a district or city dispatcher. */
        ORDER,
        /** 催办: a reminder issued by hand, with a new deadline; not counted as a supervision order. */
        REMINDER
    }

    /** An escalation's order. */
    public SupervisionOrder(
            int number,
            UnitCode against,
            ClockKind clock,
            CommandLevel fromLevel,
            @Nullable CommandLevel toLevel,
            boolean redList,
            Instant issuedAt) {
        this(number, Kind.ESCALATION, against, clock, fromLevel, toLevel, redList, issuedAt, null, null, null);
    }

    /** Whether it counts as a supervision order (督办): escalations and orders, not reminders. */
    public boolean counted() {
        return kind != Kind.REMINDER;
    }
}
