package org.whistle.intake.raising;

import org.whistle.intake.raising.domain.Whistle;

/**
 * A whistle just raised, and the tracking code its reporter follows it with: the code is the reporter's secret and
 * no part of the whistle (ADR 0018), so it travels beside it, to the answer only.
 */
public record Raised(Whistle whistle, String trackingCode) {

    @Override
    public String toString() {
        return "Raised[" + whistle.id() + "]";
    }
}
