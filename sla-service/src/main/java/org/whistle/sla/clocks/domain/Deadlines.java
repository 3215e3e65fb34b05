package org.whistle.sla.clocks.domain;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CommandLevel;
import org.whistle.events.Urgency;

/**
 * Where clocks get their rules: the deadline policy for a ticket, the calendars working-time clocks count in, and how
 * much policy time one real second holds.
 */
public interface Deadlines extends Calendars {

    /** The rules for a category × urgency × level, durations already compressed by the time scale. */
    ClockPolicy policyFor(@Nullable String categoryCode, Urgency urgency, CommandLevel level);

    /** A span of policy time (e.g. an extension's extra time) as real time under the time scale. */
    Duration compress(Duration policyTime);

    /**
     * The command centre that files a whistle raised at a grid or street, as dispatch places it: the street's
     * centre, else (兜底) the district's, else the city's; empty when the whistle has no place the organisation knows.
     */
    Optional<String> filingCentre(@Nullable String gridId, @Nullable String streetId);

    /** Every calendar known and the revision held, so running clocks can be re-planned when one changes. */
    java.util.Map<String, Long> calendarRevisions();

    /** How long a closed ticket's clocks stay readable before the sheet is forgotten. */
    Duration closedRetention();
}
