package org.whistle.evaluation.web;

import java.time.LocalDate;

/**
 * The rule set a figure or a ranking was computed under; the figures and rankings APIs share it. It takes the version
 * and the date rather than the rule set so that this edge, used by the rules' own web package, needs nothing of rules.
 */
public record RuleSetRef(int version, String label) {
    public static RuleSetRef of(int version, LocalDate effectiveFrom) {
        return new RuleSetRef(version, "第" + version + "版（" + effectiveFrom + "起施行）");
    }
}
