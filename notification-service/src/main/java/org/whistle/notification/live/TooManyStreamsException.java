package org.whistle.notification.live;

/** A caller asked for one more whistle stream than they may hold open at once (answered 429). */
public class TooManyStreamsException extends RuntimeException {

    private final int allowed;

    TooManyStreamsException(int allowed) {
        super("too many whistle streams open: " + allowed + " allowed");
        this.allowed = allowed;
    }

    public int allowed() {
        return allowed;
    }
}
