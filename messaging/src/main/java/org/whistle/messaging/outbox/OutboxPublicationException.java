package org.whistle.messaging.outbox;

/** A batch of outbox rows could not be published; the rows stay pending and the relay tries again. */
public class OutboxPublicationException extends RuntimeException {

    public OutboxPublicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
