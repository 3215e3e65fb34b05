package org.whistle.evaluation.appraisal;

import java.util.List;
import org.springframework.stereotype.Service;
import org.whistle.evaluation.appraisal.domain.AppraisalWeights;
import org.whistle.evaluation.appraisal.domain.Period;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/** The appraisals as a caller may see them: each read checks the caller's area first. */
@Service
public class AppraisalService {

    private final Appraisals appraisals;
    private final AppraisalAccess access;
    private final WeightsStore weights;

    AppraisalService(Appraisals appraisals, AppraisalAccess access, WeightsStore weights) {
        this.appraisals = appraisals;
        this.access = access;
        this.weights = weights;
    }

    public Appraisals.Ranked<Appraisals.DepartmentAppraisal> departments(Caller caller, String area, Period period) {
        access.requireArea(caller, area);
        return appraisals.departments(area, period);
    }

    public Appraisals.One<Appraisals.DepartmentAppraisal> department(Caller caller, String unit, Period period) {
        access.requireDepartment(caller, unit);
        return appraisals.department(unit, period);
    }

    public Appraisals.Ranked<Appraisals.StreetAppraisal> streets(Caller caller, String area, Period period) {
        access.requireArea(caller, area);
        return appraisals.streets(area, period);
    }

    /** The adjustments of a closed period's appraisals, for the staff who read appraisals. */
    public List<Appraisals.AppraisalAdjustment> adjustments(Caller caller, String periodCode) {
        if (!caller.hasAny(AppraisalAccess.AREA_READERS)) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.adjustmentsNotForRole"));
        }
        return appraisals
                .adjustments(periodCode)
                .orElseThrow(() -> new org.whistle.problems.NotFoundException("period", periodCode));
    }

    /** Adjusts a closed period's appraisals of one kind (an administrator, with a reason). */
    @org.springframework.transaction.annotation.Transactional
    public Appraisals.AppraisalAdjustment adjust(
            Caller caller, String periodCode, AppraisalWeights.Kind kind, String author, String reason) {
        access.requireAdministrator(caller);
        return appraisals.adjust(periodCode, kind, author, reason);
    }

    public List<WeightsVersion> weights(Caller caller) {
        if (!caller.hasAny(AppraisalAccess.AREA_READERS)) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.weightsNotForRole"));
        }
        return weights.versions().stream()
                .map(v -> new WeightsVersion(v.weights(), v.author(), v.reason()))
                .toList();
    }

    /** A version of the weights with who recorded it and why. */
    public record WeightsVersion(AppraisalWeights weights, String author, String reason) {}

    public void addWeights(Caller caller, AppraisalWeights w, String reason) {
        access.requireAdministrator(caller);
        weights.add(w, caller.name() != null ? caller.name() : caller.subject(), reason);
    }
}
