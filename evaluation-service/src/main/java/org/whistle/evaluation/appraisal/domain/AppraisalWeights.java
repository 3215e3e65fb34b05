package org.whistle.evaluation.appraisal.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/**
 * The weights of an appraisal, data a city edits and versions by the date they take effect (never code): the
 * composite score of the case figures (成都金牛区's public example by default: 处置率 × 30 + 按期处置率 × 20 + (1 − 返工率) ×
 * 20 + (1 − 超期待处置率) × 20 + (1 − 延期率) × 10), and the shares of the composite and the other side of 双考核 — the
 * centres' ratings for a department, how its whistles were answered for a street.
 */
public record AppraisalWeights(
        Kind kind,
        LocalDate effectiveFrom,
        double handling,
        double onTimeHandling,
        double rework,
        double overduePending,
        double extension,
        double caseShare,
        double otherShare) {

    /** What is appraised. */
    public enum Kind {
        /** A handling unit, with the ratings of the centres that summoned it. */
        DEPARTMENT,
        /** A street, with how its whistles were answered. */
        STREET
    }

    public AppraisalWeights {
        double composite = handling + onTimeHandling + rework + overduePending + extension;
        if (Math.abs(composite - 100) > 1e-6) {
            throw InvalidInputException.of("weights", Phrase.of("evaluation.refusal.weightsSum", "total", composite));
        }
        if (Math.abs(caseShare + otherShare - 1) > 1e-6 || caseShare < 0 || otherShare < 0) {
            throw InvalidInputException.of("weights", Phrase.of("evaluation.refusal.sharesSum"));
        }
        if (handling < 0 || onTimeHandling < 0 || rework < 0 || overduePending < 0 || extension < 0) {
            throw InvalidInputException.of("weights", Phrase.of("evaluation.refusal.weightsNotNegative"));
        }
    }

    /** The composite score (0–100) of the counts, or null when nothing was due. */
    public @Nullable Double composite(HandlingCounts c) {
        if (c.due() == 0) {
            return null;
        }
        return c.handlingRate() * handling
                + c.onTimeRate() * onTimeHandling
                + (1 - c.reworkRate()) * rework
                + (1 - c.overdueRate()) * overduePending
                + (1 - c.extensionRate()) * extension;
    }

    /**
     * The appraisal score: the shares of the composite and the other side; when one side has nothing to judge (no
     * case due, no rating given) the other stands alone, and with neither there is no score.
     */
    public @Nullable Double combine(@Nullable Double composite, @Nullable Double other) {
        if (composite == null) {
            return other;
        }
        if (other == null) {
            return composite;
        }
        return composite * caseShare + other * otherShare;
    }
}
