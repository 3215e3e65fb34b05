package org.whistle.evaluation.appraisal;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.whistle.evaluation.periods.PeriodClosing;

/**
 * Freezes the community secretaries' automatic indicators with their quarter or year as it closes, so a late event
 * no longer moves a closed result (the manual scores and stars keep their own history).
 */
@Component
class SecretaryFreezing implements PeriodClosing {

    private final SecretaryAppraisals secretaries;

    SecretaryFreezing(SecretaryAppraisals secretaries) {
        this.secretaries = secretaries;
    }

    @Override
    public void closed(String periodCode, LocalDate from, LocalDate to) {
        secretaries.freeze(periodCode);
    }
}
