package org.whistle.dispatch.access;

/** The caller may see the ticket but not do this to it: rendered as 403. */
public class AccessRefusedException extends RuntimeException {

    public AccessRefusedException(String message) {
        super(message);
    }
}
