package org.whistle.notification.delivery.domain;

import java.time.Duration;
import org.whistle.notification.rules.domain.ChannelKind;
import org.whistle.notification.rules.domain.UrgencyClass;

/**
 * Quiet rules: urgent notifications always go out; a reporter gets at most {@code reporterLimit} routine messages per
 * whistle and channel within {@code window}; the rest wait for a digest.
 */
public record QuietRules(int reporterLimit, Duration window) {

    public QuietRules {
        if (reporterLimit < 1) {
            throw new IllegalArgumentException("the reporter limit must be at least 1");
        }
    }

    /** Whether a delivery goes out now, given how many went to the same reporter, whistle and channel in the window. */
    public boolean sendsNow(UrgencyClass urgency, Addressee addressee, ChannelKind channel, long alreadySentInWindow) {
        return !limits(urgency, addressee, channel) || alreadySentInWindow < reporterLimit;
    }

    /**
     * Whether the limit applies at all: only routine messages to reporters are counted and held back. A live page's
     * update (SSE) is no message that interrupts anyone: 进度 shows each step as it happens.
     */
    public boolean limits(UrgencyClass urgency, Addressee addressee, ChannelKind channel) {
        return urgency != UrgencyClass.URGENT && addressee.reporter() && channel != ChannelKind.SSE;
    }
}
