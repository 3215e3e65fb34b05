package org.whistle.problems;

/**
 * The request contradicts the current state (a duplicate code, a transition the state forbids): rendered as 409.
 * The message names the state the caller ran into.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
