package org.whistle.notification.delivery;

/**
 * A delivery no retry can help: the receiver refused it for good ({@code unreachable} false, recorded FAILED), or the
 * recipient cannot be reached at all — no contact, no active subscription ({@code unreachable} true, UNREACHABLE).
 */
public class Undeliverable extends RuntimeException {

    private final boolean unreachable;

    public Undeliverable(String message, boolean unreachable) {
        super(message);
        this.unreachable = unreachable;
    }

    public static Undeliverable unreachable(String why) {
        return new Undeliverable(why, true);
    }

    public static Undeliverable refused(String why) {
        return new Undeliverable(why, false);
    }

    public boolean unreachable() {
        return unreachable;
    }
}
