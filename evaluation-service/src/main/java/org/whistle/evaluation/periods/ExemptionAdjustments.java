package org.whistle.evaluation.periods;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.whistle.evaluation.rules.ExemptionChanges;

/** An exemption granted or revoked proposes an adjustment to every closed period that counts the case's day. */
@Component
class ExemptionAdjustments implements ExemptionChanges {

    private final Periods periods;

    ExemptionAdjustments(Periods periods) {
        this.periods = periods;
    }

    @Override
    public void exemptionChanged(UUID whistleId, LocalDate countDate, String reason, String author, Instant at) {
        for (var code : periods.closedOn(countDate)) {
            periods.propose(code, whistleId, null, reason, author, at);
        }
    }
}
