package org.whistle.sla.clocks.domain;

/** Where one clock instance stands. */
public enum ClockState {
    /** Counting down towards its warning and due time. */
    RUNNING,
    /** Held while the ticket is suspended (挂账); the remaining time is kept. */
    PAUSED,
    /** Its step happened, the ticket closed, or a later instance took over; it never fires again. */
    STOPPED,
    /** Past its due time and escalated; stays here until its step happens or a new level takes it over. */
    EXPIRED
}
