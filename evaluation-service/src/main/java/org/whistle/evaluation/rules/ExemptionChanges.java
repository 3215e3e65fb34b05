package org.whistle.evaluation.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Told when an exemption is granted or revoked, so that periods already closed over the case's day get an adjustment
 * to decide. Periods implement it: closing a period needs the rule set in force, so periods depend on rules, and rules
 * only announce the change rather than needing periods back (ADR 0022).
 */
public interface ExemptionChanges {

    /** The exemption of {@code whistleId}, counted on {@code countDate}, changed for {@code reason}. */
    void exemptionChanged(UUID whistleId, LocalDate countDate, String reason, String author, Instant at);
}
