package org.whistle.messaging.deadletter;

/**
 * Thrown by a listener for an event that can never be handled (it contradicts the consumer's state in a way no retry
 * fixes); the record goes to the dead-letter topic at once instead of being retried.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
