package org.whistle.evaluation.ratings.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.whistle.evaluation.cases.domain.CaseFold;
import org.whistle.events.UnitRated.PartEnded;

/**
 * A summoned unit's part in a whistle, as the case's facts tell it once the part ended; the rating's subject.
 *
 * @param reportedInLate whether sla-service said the report-in clock expired first (the default the centre sees)
 */
public record Part(
        UUID whistleId,
        @Nullable UUID ticketId,
        @Nullable String ticketNumber,
        String unitId,
        String centreId,
        PartEnded ended,
        Instant endedAt,
        Instant summonedAt,
        @Nullable Instant reportedInAt,
        boolean reportedInLate,
        @Nullable Instant onSiteAt) {

    /** The Asia/Shanghai date the part counts for in a period: the day it ended. */
    public LocalDate countDate() {
        return endedAt.atZone(CaseFold.ZONE).toLocalDate();
    }

    public static String endedName(PartEnded ended) {
        return switch (ended) {
            case DONE -> "办结";
            case DECLINED -> "退回";
            case WITHDRAWN -> "撤回";
        };
    }
}
