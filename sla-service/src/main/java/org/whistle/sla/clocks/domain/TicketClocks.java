package org.whistle.sla.clocks.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.whistle.events.Actor;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.DeadlinePolicyChanged.Escalation;
import org.whistle.events.TaskState;
import org.whistle.events.TicketState;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;

/**
 * The clock sheet of one ticket (the 'due-date sheet'): every clock instance it ran, the facts the clocks depend on
 * (level, state, units, lead) and the highest revision seen per producer, so that stale and repeated events change
 * nothing.
 *
 * <p>Clocks follow the ticket's state after each event rather than the action alone, so a missed action is caught up
 * by the next event: FILE runs while RAISED; RESOLVE while dispatched and not yet resolved; VERIFY while RESOLVED;
 * FOLLOW_UP while VERIFIED; CONTACT_REPORTER from the first dispatch until the reporter is contacted; REPORT_IN per
 * unit while its task is SUMMONED. A level change starts a fresh instance, under the new level's policy, of every
 * clock that expired and is still outstanding — the new level gets its own deadline, which is how an unanswered
 * whistle climbs street → district → city — while running clocks keep their deadlines.
 */
public final class TicketClocks {

    /** The timer id that makes a closed sheet be forgotten. */
    public static final String FORGET = "forget";

    private static final Set<TicketState> DISPATCHED =
            EnumSet.of(TicketState.DISPATCHED, TicketState.IN_PROGRESS, TicketState.RETURNED);
    private static final Set<TicketState> FINISHED =
            EnumSet.of(TicketState.CLOSED, TicketState.REJECTED, TicketState.MERGED);

    private String whistleId = "";
    private @Nullable String ticketId;
    private @Nullable String ticketNumber;
    private @Nullable String categoryCode;
    private Urgency urgency = Urgency.NORMAL;
    private CommandLevel level = CommandLevel.STREET;
    private TicketState state = TicketState.RAISED;
    private boolean suspended;
    private @Nullable String leadUnit;
    private @Nullable String owningCentreId;
    private Map<String, Long> revisions = new HashMap<>();
    private List<TicketClock> clocks = new ArrayList<>();
    private long published;
    private @Nullable Long forgetAt;
    /**
     * The {@code traceparent} of the event being applied, which the clocks it starts keep; transient, so never part of
     * the stored sheet (a sheet is read afresh for every event).
     */
    private transient @Nullable String applying;

    private TicketClocks() {}

    public static TicketClocks of(String whistleId) {
        var sheet = new TicketClocks();
        sheet.whistleId = whistleId;
        return sheet;
    }

    /** The {@code traceparent} of the event about to be applied: the clocks it starts keep it as their cause. */
    public void causedBy(@Nullable String traceparent) {
        applying = traceparent;
    }

    /**
     * Whether an event with this revision from this producer is news, remembering it if so. Revisions are compared
     * per producer only; equal revisions are duplicates.
     */
    public boolean accept(String producer, long revision) {
        var seen = revisions.get(producer);
        if (seen != null && revision <= seen) {
            return false;
        }
        revisions.put(producer, revision);
        return true;
    }

    /**
     * A whistle was raised: the file clock (受理) starts, unless the ticket is already past filing. Until dispatch
     * names the owning centre, the centre that files whistles from the raise's grid owns the clocks, so its
     * dispatchers see the filing countdown and count it.
     */
    public void raised(WhistleRaised raised, Deadlines deadlines) {
        if (categoryCode == null) {
            categoryCode = raised.categoryCode();
            urgency = raised.urgency();
            level = raised.streetId() != null ? CommandLevel.STREET : CommandLevel.DISTRICT;
        }
        if (owningCentreId == null) {
            owningCentreId =
                    deadlines.filingCentre(raised.gridId(), raised.streetId()).orElse(null);
        }
        if (state == TicketState.RAISED && find(ClockKind.FILE, null).isEmpty()) {
            start(ClockKind.FILE, null, raised.raisedAt(), deadlines);
        }
    }

    /** The command platform moved the ticket; the event carries its state after the move. */
    public void routed(WhistleRouted routed, Deadlines deadlines) {
        var at = routed.at();
        ticketId = routed.ticketId().toString();
        ticketNumber = routed.ticketNumber();
        categoryCode = routed.categoryCode();
        urgency = routed.urgency();
        owningCentreId = routed.owningCentreId();
        routed.summons().stream()
                .filter(WhistleRouted.Summons::lead)
                .findFirst()
                .ifPresent(lead -> leadUnit = lead.unitId());
        state = routed.state();
        if (routed.level() != level) {
            levelChanged(routed.level(), at, deadlines);
        }
        if (routed.action() == WhistleRouted.Action.EXTENDED && routed.extension() != null) {
            extend(routed.extension(), routed.actor(), at, deadlines);
        }
        reconcileSummons(routed.summons(), at, deadlines);
        follow(at, deadlines);
    }

    /** A unit reported on its task: reporting in or declining stops its report-in clock; contact stops contact. */
    public void reported(WhistleReported reported, Deadlines deadlines) {
        var at = reported.at();
        if (reported.taskState() != TaskState.SUMMONED) {
            stopOutstanding(ClockKind.REPORT_IN, reported.unitId(), at);
        }
        if (reported.report() == WhistleReported.Report.CONTACTED_REPORTER) {
            stopOutstanding(ClockKind.CONTACT_REPORTER, null, at);
        }
        if (reported.lead()) {
            leadUnit = reported.unitId();
        }
        state = reported.ticketState();
        follow(at, deadlines);
    }

    /** The loop closed or the whistle was filtered out: every clock stops; the sheet is forgotten after retention. */
    public void closed(WhistleClosed closed, Deadlines deadlines) {
        state = switch (closed.outcome()) {
            case RESOLVED, NO_ANSWER -> TicketState.CLOSED;
            case REJECTED -> TicketState.REJECTED;
            case MERGED -> TicketState.MERGED;
        };
        ticketId = closed.ticketId().toString();
        clocks.forEach(clock -> clock.stop(closed.at()));
        suspended = false;
        forgetAt = closed.at().plus(deadlines.closedRetention()).toEpochMilli();
    }

    /** Fires every warning and expiry due at {@code now}, each once per clock instance. */
    public List<Firing> fire(Instant now) {
        var firings = new ArrayList<Firing>();
        for (var clock : clocks) {
            clock.fire(now.toEpochMilli()).ifPresent(kind -> firings.add(firing(clock, kind, now)));
        }
        return firings;
    }

    /** Whether the sheet of a closed ticket has been kept long enough. */
    public boolean forgettable(Instant now) {
        return forgetAt != null && forgetAt <= now.toEpochMilli();
    }

    /**
     * A working-hour calendar changed: every outstanding clock counting in it that was planned with another revision
     * is planned again from the time it has left; returns whether any clock moved.
     */
    public boolean calendarChanged(String calendarId, long revision, Calendars calendars) {
        var changed = false;
        for (var clock : clocks) {
            changed |= clock.replan(calendarId, revision, calendars);
        }
        return changed;
    }

    /** Every moment this sheet next needs attention; the due-time index holds exactly these. */
    public Set<Timer> timers() {
        var timers = new HashSet<Timer>();
        clocks.forEach(clock -> clock.timer().ifPresent(timers::add));
        if (forgetAt != null) {
            timers.add(new Timer(forgetAt, FORGET));
        }
        return timers;
    }

    private Firing firing(TicketClock clock, TicketClock.FiringKind kind, Instant now) {
        var warning = kind == TicketClock.FiringKind.WARNING;
        @Nullable CommandLevel to = null;
        if (!warning) {
            to = clock.escalation() == Escalation.CITY && level != CommandLevel.CITY
                    ? CommandLevel.CITY
                    : level.above().orElse(null);
        }
        return new Firing(
                warning ? WhistleEscalated.Kind.WARNING : WhistleEscalated.Kind.ESCALATION,
                whistleId,
                ticketId,
                clock.kind(),
                clock.id(),
                lateUnit(clock),
                level,
                to,
                !warning && level == CommandLevel.CITY,
                clock.startedAt(),
                clock.dueAt(),
                now,
                ++published,
                clock.cause());
    }

    /** Who is late: the summoned unit for report-in, the lead for contact and resolve, the centre (null) otherwise. */
    public @Nullable String lateUnit(TicketClock clock) {
        return switch (clock.kind()) {
            case REPORT_IN -> clock.unitId();
            case CONTACT_REPORTER, RESOLVE -> leadUnit;
            case FILE, VERIFY, FOLLOW_UP -> null;
        };
    }

    private void levelChanged(CommandLevel to, Instant at, Deadlines deadlines) {
        level = to;
        for (var expired : List.copyOf(clocks)) {
            if (expired.state() == ClockState.EXPIRED) {
                expired.stop(at);
                start(expired.kind(), expired.unitId(), at, deadlines);
            }
        }
    }

    /**
     * An approved extension moves the outstanding clock of its kind: a unit's own clock (report-in) only for that
     * unit, a ticket-wide clock (contact reporter, resolve, verify …) whichever unit asked — a unit's extension of
     * the resolve deadline is the ticket's resolve deadline.
     */
    private void extend(WhistleRouted.Extension extension, Actor approver, Instant at, Deadlines deadlines) {
        var extra = deadlines.compress(extension.extraTime());
        clocks.stream()
                .filter(clock -> clock.kind() == extension.clock() && clock.outstanding())
                .filter(clock -> clock.unitId() == null
                        || extension.unitId() == null
                        || extension.unitId().equals(clock.unitId()))
                .forEach(clock ->
                        clock.extend(extension.extraTime(), extra, extension.unitId(), approver, at, deadlines));
    }

    private void reconcileSummons(List<WhistleRouted.Summons> summons, Instant at, Deadlines deadlines) {
        var summoned = new HashSet<String>();
        for (var unit : summons) {
            if (unit.state() == TaskState.SUMMONED) {
                summoned.add(unit.unitId());
                if (find(ClockKind.REPORT_IN, unit.unitId()).isEmpty()) {
                    start(ClockKind.REPORT_IN, unit.unitId(), at, deadlines);
                }
            }
        }
        clocks.stream()
                .filter(clock -> clock.kind() == ClockKind.REPORT_IN && clock.outstanding())
                .filter(clock -> !summoned.contains(clock.unitId()))
                .forEach(clock -> clock.stop(at));
    }

    /** Brings the ticket-wide clocks in line with the ticket's state. */
    private void follow(Instant at, Deadlines deadlines) {
        if (state != TicketState.RAISED) {
            stopOutstanding(ClockKind.FILE, null, at);
        }
        if (DISPATCHED.contains(state)) {
            if (find(ClockKind.RESOLVE, null).isEmpty()) {
                start(ClockKind.RESOLVE, null, at, deadlines);
            }
            if (clocks.stream().noneMatch(clock -> clock.kind() == ClockKind.CONTACT_REPORTER)) {
                start(ClockKind.CONTACT_REPORTER, null, at, deadlines);
            }
        } else if (state != TicketState.SUSPENDED) {
            stopOutstanding(ClockKind.RESOLVE, null, at);
        }
        if (state == TicketState.RESOLVED) {
            if (find(ClockKind.VERIFY, null).isEmpty()) {
                start(ClockKind.VERIFY, null, at, deadlines);
            }
        } else if (state != TicketState.SUSPENDED) {
            stopOutstanding(ClockKind.VERIFY, null, at);
        }
        if (state == TicketState.VERIFIED) {
            if (find(ClockKind.FOLLOW_UP, null).isEmpty()) {
                start(ClockKind.FOLLOW_UP, null, at, deadlines);
            }
        } else if (state != TicketState.SUSPENDED) {
            stopOutstanding(ClockKind.FOLLOW_UP, null, at);
        }
        if (FINISHED.contains(state)) {
            clocks.forEach(clock -> clock.stop(at));
        }
        var nowSuspended = state == TicketState.SUSPENDED;
        if (nowSuspended && !suspended) {
            clocks.forEach(clock -> clock.pause(at, deadlines));
        } else if (!nowSuspended && suspended) {
            clocks.forEach(clock -> clock.resume(at, deadlines));
        }
        suspended = nowSuspended;
    }

    private void start(ClockKind kind, @Nullable String unitId, Instant at, Deadlines deadlines) {
        int instance =
                (int) clocks.stream().filter(clock -> clock.is(kind, unitId)).count() + 1;
        var clock = TicketClock.start(
                whistleId,
                kind,
                unitId,
                instance,
                level,
                deadlines.policyFor(categoryCode, urgency, level),
                at,
                deadlines,
                applying);
        if (suspended) {
            clock.pause(at, deadlines);
        }
        clocks.add(clock);
    }

    private Optional<TicketClock> find(ClockKind kind, @Nullable String unitId) {
        return clocks.stream()
                .filter(clock -> clock.is(kind, unitId) && clock.outstanding())
                .findFirst();
    }

    private void stopOutstanding(ClockKind kind, @Nullable String unitId, Instant at) {
        clocks.stream()
                .filter(clock -> clock.is(kind, unitId) && clock.outstanding())
                .forEach(clock -> clock.stop(at));
    }

    public String whistleId() {
        return whistleId;
    }

    public Optional<String> ticketId() {
        return Optional.ofNullable(ticketId);
    }

    public Optional<String> ticketNumber() {
        return Optional.ofNullable(ticketNumber);
    }

    public CommandLevel level() {
        return level;
    }

    public TicketState state() {
        return state;
    }

    public Optional<String> owningCentreId() {
        return Optional.ofNullable(owningCentreId);
    }

    public Optional<String> leadUnit() {
        return Optional.ofNullable(leadUnit);
    }

    public List<TicketClock> clocks() {
        return List.copyOf(clocks);
    }
}
