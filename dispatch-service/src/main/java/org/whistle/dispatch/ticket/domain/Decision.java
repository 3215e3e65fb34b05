package org.whistle.dispatch.ticket.domain;

/** What a permission-style policy says: allowed, or rejected naming the offending input and why. */
public sealed interface Decision {

    Allowed ALLOWED = new Allowed();

    static Decision rejected(String field, String reason) {
        return new Rejected(field, reason);
    }

    /** The policy permits the action. */
    record Allowed() implements Decision {}

    /** The policy forbids the action; {@code field} names the input that breaks the rule. */
    record Rejected(String field, String reason) implements Decision {}
}
