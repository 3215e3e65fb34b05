package org.whistle.evaluation.periods.domain;

import java.util.Optional;

/**
 * An adjustment to a closed period: pending until an administrator applies it (the published figure changes, the
 * original stays beside it) or rejects it; either decision is final and kept with its reason.
 */
public enum AdjustmentState {
    PENDING("待处理"),
    APPLIED("已采纳"),
    REJECTED("已驳回");

    private final String label;

    AdjustmentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Why this adjustment cannot be decided any more, or empty when it can. */
    public Optional<String> cannotDecide() {
        return this == PENDING ? Optional.empty() : Optional.of("该调整已经" + label + "，不能再次处理");
    }
}
