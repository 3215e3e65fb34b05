package org.whistle.notification.delivery.domain;

/**
 * A recipient chosen by a rule: whether it is told as the unit's leadership (督办) and whether it is the whistle's
 * reporter, whom quiet rules protect.
 */
public record Addressee(Recipient recipient, boolean leader, boolean reporter) {

    public static Addressee of(Recipient recipient) {
        return new Addressee(recipient, false, false);
    }

    public static Addressee leaderOf(Recipient unit) {
        return new Addressee(unit, true, false);
    }

    public static Addressee reporter(Recipient recipient) {
        return new Addressee(recipient, false, true);
    }
}
