package org.whistle.members.points.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of the append-only ledger: member, amount, reason, the rule it applied, the task or event behind it, who
 * approved it and when. A correction is a new entry naming the one it corrects.
 */
public record LedgerEntry(
        UUID id,
        UUID memberId,
        int amount,
        String reason,
        String cityId,
        String ruleCode,
        @Nullable UUID taskId,
        @Nullable String eventRef,
        @Nullable UUID redemptionId,
        String approver,
        String approverName,
        Instant at,
        int year,
        @Nullable UUID corrects,
        @Nullable String grantKey) {}
