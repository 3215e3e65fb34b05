package org.whistle.evaluation.web;

import org.whistle.problems.InvalidInputException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/** Who a change is recorded as, and the reason every change needs. */
public final class Authors {

    public static final int REASON_LIMIT = 2000;

    private Authors() {}

    /** The caller's name as people read it, with the account in brackets. */
    public static String of(Caller caller) {
        return caller.name() == null || caller.name().isBlank()
                ? caller.subject()
                : caller.name() + "（" + caller.subject() + "）";
    }

    public static String reason(@org.jspecify.annotations.Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", Phrase.of("evaluation.refusal.reasonRequired"));
        }
        if (reason.length() > REASON_LIMIT) {
            throw InvalidInputException.of("reason", Phrase.of("refusal.atMostCharacters", "max", REASON_LIMIT));
        }
        return reason.strip();
    }
}
