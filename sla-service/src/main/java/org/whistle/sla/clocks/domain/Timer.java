package org.whistle.sla.clocks.domain;

/**
 * The next moment a ticket's sheet needs attention: a clock's warning or due time, or when a closed sheet is
 * forgotten. The due-time index holds exactly the sheet's timers.
 *
 * @param id the clock instance id, or {@link TicketClocks#FORGET} for a closed sheet
 */
public record Timer(long atEpochMillis, String id) {}
