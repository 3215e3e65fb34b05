package org.whistle.sla.clocks.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.whistle.events.Actor;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.DeadlinePolicyChanged.Escalation;

/**
 * One instance of one clock of a ticket: a kind, for a unit or the whole ticket, numbered per kind and unit. Its id
 * is deterministic ({@code whistleId:KIND:unit:n}, unit {@code -} when none), so a warning and an escalation can be
 * named once per instance. Times are epoch milliseconds, as the state store keeps them.
 */
public final class TicketClock {

    private String id = "";
    private ClockKind kind = ClockKind.FILE;
    private @Nullable String unitId;
    private int instance;
    private ClockState state = ClockState.RUNNING;
    private CommandLevel level = CommandLevel.STREET;
    private String policy = "";
    private long startedAt;
    private long warnAt;
    private long dueAt;
    private @Nullable Long pausedAt;
    private @Nullable Long stoppedAt;
    private long extendedMillis;
    private boolean warningSent;
    private boolean escalated;
    private Escalation escalation = Escalation.NEXT_LEVEL;
    private boolean pausesWhenSuspended;
    private boolean extendable;
    private List<Extension> extensions = new ArrayList<>();
    private @Nullable String calendarId;
    private long calendarRevision;
    private boolean calendarKnown = true;
    private long budgetMillis;
    private long warnBudgetMillis;
    private long consumedMillis;
    private long runningSince;
    /**
     * The {@code traceparent} of the event that started this clock, so its warning and escalation continue that trace
     * (ADR 0054); null in sheets written before it was kept, and for events that came without one.
     */
    private @Nullable String cause;

    private TicketClock() {}

    /**
     * One approved extension (延期) on this clock: the extra time as approved (policy time) and as it moved the clock
     * (under the time scale), for which unit it was asked, who approved it and when. Times are epoch milliseconds.
     */
    public static final class Extension {
        private long approvedMillis;
        private long appliedMillis;
        private @Nullable String unitId;
        private String approvedBy = "";
        private @Nullable String approvedByUnit;
        private long approvedAt;

        private Extension() {}

        static Extension of(Duration approved, Duration applied, @Nullable String unitId, Actor by, Instant at) {
            var extension = new Extension();
            extension.approvedMillis = approved.toMillis();
            extension.appliedMillis = applied.toMillis();
            extension.unitId = unitId;
            extension.approvedBy = by.userId();
            extension.approvedByUnit = by.orgUnitId();
            extension.approvedAt = at.toEpochMilli();
            return extension;
        }

        /** The extra time as approved, in policy time (e.g. PT48H). */
        public Duration extraTime() {
            return Duration.ofMillis(approvedMillis);
        }

        /** The extra time the clock moved by, under the time scale. */
        public Duration applied() {
            return Duration.ofMillis(appliedMillis);
        }

        /** The unit that asked; absent when the extension was for the whole ticket. */
        public @Nullable String unitId() {
            return unitId;
        }

        public String approvedBy() {
            return approvedBy;
        }

        /** The approver's organisation unit (the command centre), when the event names one. */
        public @Nullable String approvedByUnit() {
            return approvedByUnit;
        }

        public Instant approvedAt() {
            return Instant.ofEpochMilli(approvedAt);
        }
    }

    static TicketClock start(
            String whistleId,
            ClockKind kind,
            @Nullable String unitId,
            int instance,
            CommandLevel level,
            ClockPolicy policy,
            Instant at,
            Calendars calendars,
            @Nullable String cause) {
        var clock = new TicketClock();
        clock.cause = cause;
        clock.id = idOf(whistleId, kind, unitId, instance);
        clock.kind = kind;
        clock.unitId = unitId;
        clock.instance = instance;
        clock.level = level;
        clock.policy = policy.source();
        var duration = policy.duration(kind).toMillis();
        clock.startedAt = at.toEpochMilli();
        clock.runningSince = clock.startedAt;
        clock.budgetMillis = duration;
        clock.warnBudgetMillis = Math.round(duration * policy.warningRatio());
        clock.escalation = policy.escalation();
        clock.pausesWhenSuspended = policy.pausesWhenSuspended();
        clock.extendable = policy.extendable();
        clock.calendarId = policy.calendarId();
        clock.plan(calendars);
        return clock;
    }

    /** How this clock counts: round the clock without a calendar or when its calendar is unknown. */
    CountedTime countedTime(Calendars calendars) {
        if (calendarId == null) {
            return CountedTime.ROUND_THE_CLOCK;
        }
        return calendars
                .calendar(calendarId)
                .filter(calendar -> calendar.active())
                .<CountedTime>map(CountedTime.Working::new)
                .orElse(CountedTime.ROUND_THE_CLOCK);
    }

    /**
     * Works out warning and due time of a running clock from what is left of its time, counted from when it last
     * started running, in its calendar as it stands — so a changed calendar re-plans a running clock.
     */
    private void plan(Calendars calendars) {
        upgrade();
        var time = countedTime(calendars);
        if (calendarId != null) {
            var calendar = calendars.calendar(calendarId).filter(held -> held.active());
            calendarKnown = calendar.isPresent();
            calendarRevision = calendar.map(held -> held.revision()).orElse(0L);
        }
        if (state != ClockState.RUNNING) {
            return;
        }
        var since = Instant.ofEpochMilli(runningSince);
        dueAt = time.plus(since, Duration.ofMillis(Math.max(0, budgetMillis - consumedMillis)))
                .toEpochMilli();
        warnAt = warnBudgetMillis > consumedMillis
                ? time.plus(since, Duration.ofMillis(warnBudgetMillis - consumedMillis))
                        .toEpochMilli()
                : runningSince;
    }

    /**
     * Re-plans this clock if it counts in the given calendar and was planned with another revision of it; a clock
     * that has expired or stopped keeps what happened.
     */
    boolean replan(String changedCalendar, long revision, Calendars calendars) {
        if (!changedCalendar.equals(calendarId) || calendarRevision == revision || !outstanding()) {
            return false;
        }
        plan(calendars);
        return true;
    }

    /** The deterministic instance id: the whistle, the clock kind, the unit ({@code -} for none) and the number. */
    public static String idOf(String whistleId, ClockKind kind, @Nullable String unitId, int instance) {
        return whistleId + ":" + kind + ":" + (unitId == null ? "-" : unitId) + ":" + instance;
    }

    /**
     * A clock stored before clocks kept their time budget (round the clock only) takes it from its warning and due
     * times: what it had from its start, with every earlier pause already added in.
     */
    private void upgrade() {
        if (budgetMillis == 0 && runningSince == 0 && dueAt > startedAt) {
            runningSince = startedAt;
            budgetMillis = dueAt - startedAt;
            warnBudgetMillis = Math.max(0, warnAt - startedAt);
            if (state == ClockState.PAUSED && pausedAt != null) {
                consumedMillis = Math.max(0, pausedAt - startedAt);
            }
        }
    }

    /** Running, paused or expired: its step has not happened yet. */
    public boolean outstanding() {
        return state != ClockState.STOPPED;
    }

    boolean is(ClockKind wanted, @Nullable String unit) {
        return kind == wanted && java.util.Objects.equals(unitId, unit);
    }

    void stop(Instant at) {
        if (state != ClockState.STOPPED) {
            if (state == ClockState.PAUSED) {
                pausedAt = null;
            }
            state = ClockState.STOPPED;
            stoppedAt = at.toEpochMilli();
        }
    }

    void pause(Instant at, Calendars calendars) {
        upgrade();
        if (state == ClockState.RUNNING && pausesWhenSuspended) {
            var used = countedTime(calendars).between(Instant.ofEpochMilli(runningSince), at);
            consumedMillis += Math.max(0, used.toMillis());
            state = ClockState.PAUSED;
            pausedAt = at.toEpochMilli();
        }
    }

    /** Resuming keeps the time that was left: the clock runs on from {@code at} with what remained when paused. */
    void resume(Instant at, Calendars calendars) {
        upgrade();
        if (state == ClockState.PAUSED && pausedAt != null) {
            pausedAt = null;
            state = ClockState.RUNNING;
            runningSince = Math.max(at.toEpochMilli(), runningSince);
            plan(calendars);
        }
    }

    /**
     * An approved extension moves warning and due time and is kept with who approved it; an expired clock has
     * already escalated and stays so.
     */
    boolean extend(
            Duration approved, Duration extra, @Nullable String forUnit, Actor by, Instant at, Calendars calendars) {
        if (!extendable || !(state == ClockState.RUNNING || state == ClockState.PAUSED)) {
            return false;
        }
        upgrade();
        budgetMillis += extra.toMillis();
        warnBudgetMillis += extra.toMillis();
        extendedMillis += extra.toMillis();
        extensions.add(Extension.of(approved, extra, forUnit, by, at));
        if (state == ClockState.RUNNING) {
            plan(calendars);
        } else {
            // Paused: the due time shown is the one it would have if resumed now, as before.
            warnAt += extra.toMillis();
            dueAt += extra.toMillis();
        }
        return true;
    }

    /** Marks what is due at {@code now}: expiry first (a warning after the due time would say nothing new). */
    Optional<FiringKind> fire(long now) {
        if (state != ClockState.RUNNING) {
            return Optional.empty();
        }
        if (!escalated && dueAt <= now) {
            escalated = true;
            state = ClockState.EXPIRED;
            return Optional.of(FiringKind.ESCALATION);
        }
        if (!warningSent && warnAt <= now) {
            warningSent = true;
            return Optional.of(FiringKind.WARNING);
        }
        return Optional.empty();
    }

    /** When this clock next needs attention, if it is running. */
    Optional<Timer> timer() {
        if (state != ClockState.RUNNING) {
            return Optional.empty();
        }
        return Optional.of(new Timer(warningSent ? dueAt : warnAt, id));
    }

    enum FiringKind {
        WARNING,
        ESCALATION
    }

    public String id() {
        return id;
    }

    public ClockKind kind() {
        return kind;
    }

    public @Nullable String unitId() {
        return unitId;
    }

    public int instance() {
        return instance;
    }

    public ClockState state() {
        return state;
    }

    /** The ticket's level when the clock started. */
    public CommandLevel level() {
        return level;
    }

    public String policy() {
        return policy;
    }

    /** The {@code traceparent} of the event that started this clock, if it was kept. */
    public @Nullable String cause() {
        return cause;
    }

    public Instant startedAt() {
        return Instant.ofEpochMilli(startedAt);
    }

    public Instant warnAt() {
        return Instant.ofEpochMilli(warnAt);
    }

    /** The due time; while paused, the due time it would have if resumed now is {@link #remaining}. */
    public Instant dueAt() {
        return Instant.ofEpochMilli(dueAt);
    }

    public Optional<Instant> stoppedAt() {
        return Optional.ofNullable(stoppedAt).map(Instant::ofEpochMilli);
    }

    /** Time left at {@code now}: frozen while paused, negative once overdue, empty once stopped. */
    public Optional<Duration> remaining(Instant now) {
        return switch (state) {
            case STOPPED -> Optional.empty();
            case PAUSED -> Optional.of(Duration.ofMillis(dueAt - (pausedAt == null ? now.toEpochMilli() : pausedAt)));
            case RUNNING, EXPIRED -> Optional.of(Duration.ofMillis(dueAt - now.toEpochMilli()));
        };
    }

    /**
     * Counted time left at {@code now} in the clock's own time (working time for a working-time clock): frozen while
     * paused, negative once overdue, empty once stopped.
     */
    public Optional<Duration> remainingCounted(Instant now, Calendars calendars) {
        return switch (state) {
            case STOPPED -> Optional.empty();
            case PAUSED -> Optional.of(Duration.ofMillis(budgetMillis - consumedMillis));
            case RUNNING, EXPIRED -> Optional.of(countedTime(calendars).between(now, dueAt()));
        };
    }

    /** The calendar the policy names for this clock; absent for clocks that count round the clock. */
    public Optional<String> calendarId() {
        return Optional.ofNullable(calendarId);
    }

    /** Whether the named calendar was known when the clock was last planned; if not, it counts round the clock. */
    public boolean calendarKnown() {
        return calendarKnown;
    }

    public Duration extended() {
        return Duration.ofMillis(extendedMillis);
    }

    /** The approved extensions that moved this clock, oldest first. */
    public List<Extension> extensions() {
        return List.copyOf(extensions);
    }

    public boolean warningSent() {
        return warningSent;
    }

    public boolean escalated() {
        return escalated;
    }

    public Escalation escalation() {
        return escalation;
    }
}
