package org.whistle.notification.rules.domain;

/** The ways a notification goes out. */
public enum ChannelKind {
    /** The in-app inbox of a user or unit, read/unread. */
    INBOX,
    /** The live server-sent-events stream of a user or unit. */
    SSE,
    /** The unit's department systems, through its signed webhook subscriptions. */
    WEBHOOK,
    /** A template SMS to a phone reporter. */
    SMS,
    /** A WeChat template message to a phone reporter. */
    WECHAT
}
