package org.whistle.dispatch.ticket.domain;

import java.time.Instant;
import org.whistle.events.CommandLevel;
import org.whistle.orgreference.domain.routing.UnitCode;

/** One stretch of ownership: the ticket was owned by {@code centre} at {@code level} from {@code since}. */
public record LevelAssignment(CommandLevel level, UnitCode centre, Instant since) {}
