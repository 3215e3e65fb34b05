package org.whistle.dispatch.ticket.domain;

import org.whistle.texts.Phrase;

/**
 * What a permission-style policy says: allowed, or rejected naming the offending input and why — the why by catalogue
 * key, so the refusal is worded in the reader's language (ADR 0043).
 */
public sealed interface Decision {

    Allowed ALLOWED = new Allowed();

    static Decision rejected(String field, Phrase reason) {
        return new Rejected(field, reason);
    }

    /**
     * The input is well formed but the ticket already is as it asks — a unit already summoned, a lead already set:
     * typically a retry of a request that was carried out and whose answer was lost. A conflict (409), not bad input.
     */
    static Decision conflicting(String field, Phrase reason) {
        return new Conflicting(field, reason);
    }

    /** The policy permits the action. */
    record Allowed() implements Decision {}

    /** The policy forbids the action; {@code field} names the input that breaks the rule. */
    record Rejected(String field, Phrase reason) implements Decision {}

    /** The action conflicts with the ticket's current state; see {@link #conflicting}. */
    record Conflicting(String field, Phrase reason) implements Decision {}
}
