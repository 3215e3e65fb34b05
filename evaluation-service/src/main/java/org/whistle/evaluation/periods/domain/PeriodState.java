package org.whistle.evaluation.periods.domain;

import java.util.Optional;

/**
 * A period's lifecycle: open (no row: figures are live), closed (frozen with the rule set in force, for review) and
 * published (readable by all staff). Closing and publishing happen once each, in that order.
 */
public enum PeriodState {
    CLOSED("已关闭，待公布"),
    PUBLISHED("已公布");

    private final String label;

    PeriodState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The state after publishing, or empty with the reason it cannot be published. */
    public Optional<String> cannotPublish() {
        return this == PUBLISHED ? Optional.of("该期间已经公布过了") : Optional.empty();
    }
}
