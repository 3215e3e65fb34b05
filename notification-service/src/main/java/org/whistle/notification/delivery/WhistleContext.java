package org.whistle.notification.delivery;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.whistle.events.Reporter;

/**
 * What earlier events told this service about a whistle: later events do not repeat the reporter or the area. Never
 * the tracking code: it is the reporter's secret, filled into their texts only when they are sent.
 */
public record WhistleContext(
        UUID whistleId,
        @Nullable String areaNode,
        @Nullable String owningCentre,
        @Nullable String leadUnit,
        Reporter.@Nullable Kind reporterKind,
        @Nullable String reporterUser,
        @Nullable String reporterPhoneMasked,
        @Nullable String ticketNumber,
        @Nullable String categoryCode,
        @Nullable String channel) {

    public static WhistleContext unknown(UUID whistleId) {
        return new WhistleContext(whistleId, null, null, null, null, null, null, null, null, null);
    }

    /** Raised through WeChat by a signed-in resident: told through WeChat as well (ADR 0046). */
    public boolean raisedThroughWechatSignedIn() {
        return "WECHAT".equals(channel) && reporterKind == Reporter.Kind.USER;
    }
}
