package org.whistle.evaluation.appraisal;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.whistle.evaluation.periods.PeriodClosing;

/** Freezes the appraisals of a period as it closes, so later events move them only through an adjustment. */
@Component
class AppraisalFreezing implements PeriodClosing {

    private final Appraisals appraisals;

    AppraisalFreezing(Appraisals appraisals) {
        this.appraisals = appraisals;
    }

    @Override
    public void closed(String periodCode, LocalDate from, LocalDate to) {
        appraisals.freeze(periodCode, from, to);
    }
}
