package org.whistle.security;

import org.springframework.security.access.AccessDeniedException;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;

/**
 * A service's own 403 with its reason by catalogue key (ADR 0043): {@link SecurityProblems#forbidden()} words the
 * reason in the caller's language, where a plain {@link AccessDeniedException}'s message keeps one wording for every
 * reader. The exception's message is the Chinese wording, for logs.
 */
public class AccessRefusedException extends AccessDeniedException {

    private final transient Phrase reason;

    public AccessRefusedException(Phrase reason) {
        super(reason.in(Catalogue.chinese()));
        this.reason = reason;
    }

    public Phrase reason() {
        return reason;
    }
}
