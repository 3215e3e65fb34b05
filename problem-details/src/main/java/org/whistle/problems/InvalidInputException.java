package org.whistle.problems;

import java.util.List;
import org.whistle.texts.Phrase;

/** The request is well-formed but breaks a rule: rendered as 422 naming every offending field. */
public class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.stream()
                .map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse(""));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new Violation(field, message)));
    }

    /** One field refused for a reason by catalogue key, worded in the caller's language when answered. */
    public static InvalidInputException of(String field, Phrase reason) {
        return new InvalidInputException(List.of(new Violation(field, reason)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
