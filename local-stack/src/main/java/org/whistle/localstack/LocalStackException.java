package org.whistle.localstack;

/** The local stack could not start; the message says what failed and, where it helps, what to do about it. */
public final class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
