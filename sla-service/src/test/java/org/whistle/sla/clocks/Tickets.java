package org.whistle.sla.clocks;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.whistle.events.Actor;
import org.whistle.events.Channel;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.DeadlinePolicyChanged;
import org.whistle.events.EventData;
import org.whistle.events.EventEnvelope;
import org.whistle.events.GeoPoint;
import org.whistle.events.Location;
import org.whistle.events.Reporter;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.TraceIds;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.WhistleRouted.Action;
import org.whistle.events.WhistleRouted.Summons;
import org.whistle.orgreference.copy.OrgReferenceCopy;

/**
 * One ticket's life as intake and dispatch publish it, with revisions counted per producer the way they count them,
 * and the deadline policies the tests run under.
 */
public final class Tickets {

    public static final String POTHOLE = "ROADS-POTHOLE";
    static final String FIRE_HAZARD = "FIRE-HAZARD";
    static final String UNKNOWN_CATEGORY = "MISC-UNLISTED";
    public static final String CENTRE = "centre-street-1";

    public final WhistleId whistleId = WhistleId.newId();
    public final TicketId ticketId = TicketId.newId();
    private final Clock clock;
    private final String category;
    private long intakeRevision;
    private long dispatchRevision;
    private CommandLevel level = CommandLevel.STREET;
    private List<Summons> summons = List.of();

    public Tickets(Clock clock, String category) {
        this.clock = clock;
        this.category = category;
    }

    public String id() {
        return whistleId.toString();
    }

    public EventEnvelope<?> raised() {
        var data = new WhistleRaised(
                whistleId,
                Channel.APP,
                category,
                "a hole in the road",
                new Location(new GeoPoint(47.34, 123.96), null),
                "grid-1",
                "street-1",
                Urgency.NORMAL,
                new Reporter(Reporter.Kind.ANONYMOUS, null, null, null),
                List.of(),
                clock.instant());
        return wrap(data, ++intakeRevision, "intake-service");
    }

    EventEnvelope<?> routed(Action action, TicketState state) {
        return routed(action, state, null);
    }

    EventEnvelope<?> routed(Action action, TicketState state, WhistleRouted.@Nullable Extension extension) {
        var data = new WhistleRouted(
                whistleId,
                ticketId,
                "QQHR-20260521-000123",
                action,
                state,
                level,
                CENTRE,
                category,
                Urgency.NORMAL,
                summons,
                extension,
                null,
                new Actor("dispatcher-1", CENTRE, "STREET_DISPATCHER"),
                clock.instant(),
                null);
        return wrap(data, ++dispatchRevision, "dispatch-service");
    }

    /** Summons units, the first as lead; every unit's task is SUMMONED. */
    public EventEnvelope<?> summoned(String... units) {
        summons = Arrays.stream(units)
                .map(unit -> new Summons(unit, unit.equals(units[0]), TaskState.SUMMONED))
                .toList();
        return routed(Action.SUMMONED, TicketState.DISPATCHED);
    }

    EventEnvelope<?> levelRaised(CommandLevel to) {
        level = to;
        return routed(Action.LEVEL_RAISED, TicketState.DISPATCHED);
    }

    public EventEnvelope<?> extended(ClockKind clockKind, @Nullable String unit, Duration extra, TicketState state) {
        return routed(Action.EXTENDED, state, new WhistleRouted.Extension(clockKind, unit, extra));
    }

    public EventEnvelope<?> reported(String unit, WhistleReported.Report report, TaskState task, TicketState ticket) {
        summons = summons.stream()
                .map(s -> s.unitId().equals(unit) ? new Summons(unit, s.lead(), task) : s)
                .toList();
        var lead = summons.stream().anyMatch(s -> s.unitId().equals(unit) && s.lead());
        var data = new WhistleReported(
                whistleId,
                ticketId,
                unit,
                report,
                task,
                lead,
                ticket,
                null,
                List.of(),
                new Actor("officer-1", unit, "DEPARTMENT_OFFICER"),
                clock.instant());
        return wrap(data, ++dispatchRevision, "dispatch-service");
    }

    EventEnvelope<?> closed(WhistleClosed.Outcome outcome) {
        var data = new WhistleClosed(
                whistleId, ticketId, outcome, null, null, new Actor("dispatcher-1", CENTRE, null), clock.instant());
        return wrap(data, ++dispatchRevision, "dispatch-service");
    }

    /** Forgets the last dispatch revision, so the next dispatch event repeats an old one (a stale publication). */
    void rewindDispatchRevision(long by) {
        dispatchRevision -= by;
    }

    private EventEnvelope<?> wrap(EventData data, long revision, String producer) {
        return EventEnvelope.wrap(data, revision, producer, TraceIds.newTraceId(), clock);
    }

    /**
     * The policies the tests run under: potholes (any level) and at district level (report-in 20 min), fire hazards
     * escalating straight to the city; unlisted categories have none and fall back to the design defaults.
     */
    static OrgReferenceCopy policies(Clock clock) {
        var copy = new OrgReferenceCopy();
        copy.apply(policy(
                "pothole",
                POTHOLE,
                null,
                minutes(10, 10, 60, 120, 30, 40),
                DeadlinePolicyChanged.Escalation.NEXT_LEVEL,
                clock));
        copy.apply(policy(
                "pothole-district",
                POTHOLE,
                CommandLevel.DISTRICT,
                minutes(10, 20, 60, 120, 30, 40),
                DeadlinePolicyChanged.Escalation.NEXT_LEVEL,
                clock));
        copy.apply(policy(
                "fire",
                FIRE_HAZARD,
                null,
                minutes(10, 10, 60, 120, 30, 40),
                DeadlinePolicyChanged.Escalation.CITY,
                clock));
        return copy;
    }

    static Map<ClockKind, Duration> minutes(
            int file, int reportIn, int contact, int resolve, int verify, int followUp) {
        var durations = new EnumMap<ClockKind, Duration>(ClockKind.class);
        durations.put(ClockKind.FILE, Duration.ofMinutes(file));
        durations.put(ClockKind.REPORT_IN, Duration.ofMinutes(reportIn));
        durations.put(ClockKind.CONTACT_REPORTER, Duration.ofMinutes(contact));
        durations.put(ClockKind.RESOLVE, Duration.ofMinutes(resolve));
        durations.put(ClockKind.VERIFY, Duration.ofMinutes(verify));
        durations.put(ClockKind.FOLLOW_UP, Duration.ofMinutes(followUp));
        return durations;
    }

    private static EventEnvelope<?> policy(
            String id,
            String category,
            @Nullable CommandLevel level,
            Map<ClockKind, Duration> durations,
            DeadlinePolicyChanged.Escalation escalation,
            Clock clock) {
        return policy(id, category, level, durations, escalation, null, clock);
    }

    /** A policy for a category at any level, escalating one level, counting in a calendar when one is named. */
    public static EventEnvelope<?> policy(
            String id, String category, Map<ClockKind, Duration> durations, @Nullable String calendarId, Clock clock) {
        return policy(id, category, null, durations, DeadlinePolicyChanged.Escalation.NEXT_LEVEL, calendarId, clock);
    }

    private static EventEnvelope<?> policy(
            String id,
            String category,
            @Nullable CommandLevel level,
            Map<ClockKind, Duration> durations,
            DeadlinePolicyChanged.Escalation escalation,
            @Nullable String calendarId,
            Clock clock) {
        var data = new DeadlinePolicyChanged(
                id,
                category,
                Urgency.NORMAL,
                level,
                durations,
                0.8,
                calendarId,
                true,
                escalation,
                List.of("SUSPENDED", "EXTENSION"));
        return EventEnvelope.wrap(data, 1, "org-registry-service", TraceIds.newTraceId(), clock);
    }
}
