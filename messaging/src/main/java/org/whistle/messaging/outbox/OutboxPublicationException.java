package org.whistle.messaging.outbox;

import org.jspecify.annotations.Nullable;

/** Outbox rows could not be published for the moment; they stay pending and the relay tries again. */
public class OutboxPublicationException extends RuntimeException {

    public OutboxPublicationException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
