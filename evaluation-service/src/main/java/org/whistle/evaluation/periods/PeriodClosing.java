package org.whistle.evaluation.periods;

import java.time.LocalDate;

/**
 * Told, in the transaction that closes a period, that it closed: what else a period publishes (the 双考核 appraisals)
 * freezes with it. An interface here, implemented where the appraisals live, so periods never need them back.
 */
public interface PeriodClosing {

    void closed(String periodCode, LocalDate from, LocalDate to);
}
