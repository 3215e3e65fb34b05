package org.whistle.notification.rules.domain;

/** Whether quiet rules may hold a notification back. */
public enum UrgencyClass {
    /** Always goes out at once: escalations, supervision orders, the red list, urgent whistles. */
    URGENT,
    /** Subject to quiet rules: reporter updates are limited per whistle and hour, the rest digested. */
    ROUTINE
}
