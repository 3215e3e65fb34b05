package org.whistle.events;

/** A record that is not a valid event of a known type and version; it belongs in the dead-letter topic. */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
