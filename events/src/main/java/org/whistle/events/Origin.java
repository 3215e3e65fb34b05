package org.whistle.events;

/**
 * Where an event comes from when it is not a live actor's fact of the moment (ADR 0032). An envelope without an
 * origin is live.
 */
public enum Origin {
    /**
     * Generated history (the demo city's past, a benchmark's load): published to the same topics with the same
     * schemas as the live services would have written it. Figures fold it like live events; live actors — dispatch,
     * notification, sla, members, intake — must ignore it (no ticket, no message, no clock, no task).
     */
    HISTORY
}
