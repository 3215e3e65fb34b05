package org.whistle.dispatch.ticket.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.whistle.events.Actor;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.EvidenceRef;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed.Outcome;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleReported.Report;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;

/**
 * The command platform's case (工单) built from a whistle, across the three command levels. Every method is a guarded
 * transition: it checks {@link TicketTransitions}, then its input, then changes the ticket, appends one timeline entry,
 * raises the revision by one and registers one {@link TicketEvent} (a decline that leaves nobody to lead makes a
 * second change, the return). A refused transition throws {@link ConflictException} naming the ticket's state (and
 * the task's); bad input throws {@link InvalidInputException} naming the field. Time is always passed in.
 */
public final class Ticket {

    /**
     * Timeline notes are written once, in the catalogue's default language, and hash-chained; unit codes in them are
     * named by the pages as they are read (the domain holds no names).
     */
    private static final Catalogue NOTES = Catalogue.chinese();

    /** Units one summons may call: a street's whole roster of departments fits, a runaway list does not. */
    public static final int MAX_SUMMONED_AT_ONCE = 20;

    /** How far ahead a supervision order by hand may set its deadline: a year covers any real case. */
    public static final Duration MAX_SUPERVISION_DEADLINE = Duration.ofDays(366);

    /** Who makes the changes that follow from another by rule (closing on verification after a satisfied reporter). */
    public static final Actor PLATFORM = Actor.system("dispatch-service");

    private final TicketId id;
    private final WhistleId whistleId;
    private final TicketNumber number;
    private CategoryCode category;
    private Urgency priority;
    private CommandLevel level;
    private UnitCode owningCentre;
    private TicketState state;
    private @Nullable TicketState suspendedFrom;
    private @Nullable String suspendReason;
    private final Map<UnitCode, Task> tasks = new LinkedHashMap<>();
    private long revision;
    private final Timeline timeline;
    private final List<SupervisionOrder> supervisionOrders = new ArrayList<>();
    private final Set<UnitCode> redListed = new LinkedHashSet<>();
    private final List<LevelAssignment> levelHistory = new ArrayList<>();
    private int reopenCount;
    private @Nullable Instant resolvedAt;
    private @Nullable Instant closedAt;
    private @Nullable Outcome outcome;
    private @Nullable TicketId mergedInto;
    private @Nullable String rejectReason;
    private final List<TicketEvent> events = new ArrayList<>();

    private Ticket(
            TicketId id,
            WhistleId whistleId,
            TicketNumber number,
            CategoryCode category,
            Urgency priority,
            CommandLevel level,
            UnitCode owningCentre) {
        this.id = id;
        this.whistleId = whistleId;
        this.number = number;
        this.category = category;
        this.priority = priority;
        this.level = level;
        this.owningCentre = owningCentre;
        this.state = TicketState.RAISED;
        this.timeline = new Timeline(id);
    }

    /**
     * A raised whistle becomes a ticket owned by its street command centre, or — where the grid has no street centre
     * (responsibility unclear) — by the fallback owner at district level (兜底).
     */
    public static Ticket raise(
            TicketId id,
            WhistleId whistleId,
            TicketNumber number,
            CategoryCode category,
            Urgency priority,
            @Nullable UnitCode streetCentre,
            UnitCode fallbackOwner,
            Actor actor,
            Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(whistleId, "whistleId");
        Objects.requireNonNull(number, "number");
        required("category", category);
        required("priority", priority);
        required("fallbackOwner", fallbackOwner);
        var level = streetCentre != null ? CommandLevel.STREET : CommandLevel.DISTRICT;
        var owner = streetCentre != null ? streetCentre : fallbackOwner;
        var ticket = new Ticket(id, whistleId, number, category, priority, level, owner);
        ticket.levelHistory.add(new LevelAssignment(level, owner, at));
        ticket.entry(TicketAction.RAISE, null)
                .note(streetCentre != null ? null : NOTES.text("dispatch.note.fallbackDistrict"))
                .record(actor, at, c -> new TicketEvent.Raised(c, number.format(), category, priority));
        return ticket;
    }

    /**
     * Rebuilds a stored ticket. The timeline must be intact ({@link TimelineVerifier}) and as long as the stored
     * revision, or the stored record cannot be trusted and nothing may be changed on top of it.
     *
     * @throws ConflictException naming where the chain breaks
     */
    public static Ticket restore(TicketSnapshot snapshot, List<TimelineEntry> entries) {
        if (TimelineVerifier.verify(snapshot.id(), entries, snapshot.revision())
                instanceof TimelineVerifier.Result.Broken(var sequence, var reason)) {
            throw new ConflictException("the timeline of ticket " + snapshot.number() + " is broken at entry "
                    + sequence + " (" + reason + "); the ticket is " + snapshot.state() + " and cannot change");
        }
        var ticket = new Ticket(
                snapshot.id(),
                snapshot.whistleId(),
                snapshot.number(),
                snapshot.category(),
                snapshot.priority(),
                snapshot.level(),
                snapshot.owningCentre());
        ticket.state = snapshot.state();
        ticket.suspendedFrom = snapshot.suspendedFrom();
        ticket.suspendReason = snapshot.suspendReason();
        snapshot.tasks().forEach(task -> ticket.tasks.put(task.unit(), Task.restore(task)));
        ticket.revision = snapshot.revision();
        ticket.timeline.restore(entries);
        ticket.supervisionOrders.addAll(snapshot.supervisionOrders());
        ticket.redListed.addAll(snapshot.redListed());
        ticket.levelHistory.addAll(snapshot.levelHistory());
        ticket.reopenCount = snapshot.reopenCount();
        ticket.resolvedAt = snapshot.resolvedAt();
        ticket.closedAt = snapshot.closedAt();
        ticket.outcome = snapshot.outcome();
        ticket.mergedInto = snapshot.mergedInto();
        ticket.rejectReason = snapshot.rejectReason();
        return ticket;
    }

    // ---- command-centre actions -------------------------------------------------------------------------------

    /** 受理/立案: the centre accepts the whistle as a case. */
    public void file(Actor actor, Instant at) {
        var before = guard(TicketAction.FILE);
        state = TicketState.FILED;
        entry(TicketAction.FILE, before).record(actor, at, TicketEvent.Filed::new);
    }

    /** 筛选: the whistle is invalid; the loop ends with the reason. */
    public void reject(String reason, Actor actor, Instant at) {
        var before = guard(TicketAction.REJECT);
        text("reason", reason);
        state = TicketState.REJECTED;
        rejectReason = reason;
        outcome = Outcome.REJECTED;
        closedAt = at;
        entry(TicketAction.REJECT, before).note(reason).record(actor, at, c -> new TicketEvent.Rejected(c, reason));
    }

    /**
     * 筛选: a duplicate of {@code target}, which must be another ticket still open. Only this ticket changes; the
     * application attaches this whistle to the target's reporter follow-up.
     */
    public void mergeInto(Ticket target, Actor actor, Instant at) {
        var before = guard(TicketAction.MERGE);
        required("target", target);
        if (target.id.equals(id)) {
            throw InvalidInputException.of("target", Phrase.of("dispatch.refusal.mergeIntoItself"));
        }
        if (target.state == TicketState.REJECTED
                || target.state == TicketState.MERGED
                || target.state == TicketState.CLOSED) {
            throw InvalidInputException.of(
                    "target",
                    Phrase.of(
                            "dispatch.refusal.mergeTarget",
                            "number",
                            target.number.format(),
                            "state",
                            stateName(target.state)));
        }
        state = TicketState.MERGED;
        mergedInto = target.id;
        outcome = Outcome.MERGED;
        closedAt = at;
        entry(TicketAction.MERGE, before)
                .note(NOTES.text("dispatch.note.duplicateOf", Map.of("number", target.number.format())))
                .record(actor, at, c -> new TicketEvent.Merged(c, target.id));
    }

    public void setPriority(Urgency newPriority, Actor actor, Instant at) {
        var before = guard(TicketAction.SET_PRIORITY);
        required("priority", newPriority);
        if (newPriority == priority) {
            throw InvalidInputException.of(
                    "priority",
                    Phrase.of("dispatch.refusal.samePriority", "priority", Phrase.name("priority", priority)));
        }
        var old = priority;
        priority = newPriority;
        entry(TicketAction.SET_PRIORITY, before)
                .note(NOTES.text(
                        "dispatch.note.priority",
                        Map.of("old", NOTES.name("priority", old), "new", NOTES.name("priority", newPriority))))
                .record(actor, at, c -> new TicketEvent.PriorityChanged(c, old, newPriority));
    }

    public void recategorise(CategoryCode newCategory, Actor actor, Instant at) {
        var before = guard(TicketAction.RECATEGORISE);
        required("category", newCategory);
        if (newCategory.equals(category)) {
            throw InvalidInputException.of("category", Phrase.of("dispatch.refusal.sameCategory"));
        }
        var old = category;
        category = newCategory;
        entry(TicketAction.RECATEGORISE, before)
                .note(NOTES.text("dispatch.note.category"))
                .record(actor, at, c -> new TicketEvent.Recategorised(c, old, newCategory));
    }

    /**
     * 派哨: summons units, each getting its own task; {@code lead} answers for the whole (首接负责). From FILED or
     * RETURNED the ticket becomes DISPATCHED (IN_PROGRESS if a unit kept a reported-in task); later summonses add
     * units. Who may be summoned is {@link SummonPolicy}'s call.
     */
    public void summon(@Nullable UnitCode lead, List<UnitCode> units, Actor actor, Instant at) {
        var before = guard(TicketAction.SUMMON);
        required("units", units);
        if (units.size() > MAX_SUMMONED_AT_ONCE) {
            throw InvalidInputException.of(
                    "units", Phrase.of("dispatch.refusal.summonAtMost", "max", MAX_SUMMONED_AT_ONCE));
        }
        switch (SummonPolicy.check(currentLead().map(Task::unit), holdingUnits(), lead, units)) {
            case Decision.Rejected(var field, var reason) -> throw InvalidInputException.of(field, reason);
            case Decision.Conflicting(var field, var reason) -> throw new ConflictException(reason);
            case Decision.Allowed allowed -> {}
        }
        for (var unit : units) {
            tasks.put(unit, new Task(unit, unit.equals(lead), at));
        }
        if (before == TicketState.FILED || before == TicketState.RETURNED) {
            state = anyReportedIn() ? TicketState.IN_PROGRESS : TicketState.DISPATCHED;
        }
        var note = units.stream()
                .map(u -> u.equals(lead)
                        ? NOTES.text("dispatch.note.summonedLead", Map.of("unit", u.value()))
                        : u.value())
                .collect(Collectors.joining("、"));
        var summoned = List.copyOf(units);
        entry(TicketAction.SUMMON, before)
                .note(note)
                .record(actor, at, c -> new TicketEvent.UnitsSummoned(c, lead, summoned));
    }

    /** 转交: moves the ticket to another command centre and/or level, with a reason. */
    public void transfer(UnitCode toCentre, CommandLevel toLevel, String reason, Actor actor, Instant at) {
        var before = guard(TicketAction.TRANSFER);
        required("toCentre", toCentre);
        required("toLevel", toLevel);
        text("reason", reason);
        if (toCentre.equals(owningCentre) && toLevel == level) {
            throw InvalidInputException.of(
                    "toCentre", Phrase.of("dispatch.refusal.sameCentre", "level", Phrase.name("level", toLevel)));
        }
        var fromCentre = owningCentre;
        var fromLevel = level;
        owningCentre = toCentre;
        level = toLevel;
        levelHistory.add(new LevelAssignment(toLevel, toCentre, at));
        entry(TicketAction.TRANSFER, before)
                .note(reason)
                .record(
                        actor,
                        at,
                        c -> new TicketEvent.Transferred(c, fromCentre, fromLevel, toCentre, toLevel, reason));
    }

    /** 延期: approves the unit's pending request; the SLA service moves the clock, the ticket only records it. */
    public void approveExtension(UnitCode unit, Actor actor, Instant at) {
        var before = guard(TicketAction.APPROVE_EXTENSION);
        var task = taskWithPendingExtension(TicketAction.APPROVE_EXTENSION, unit);
        var request = task.answerPending(ExtensionRequest.Status.APPROVED, null, at);
        entry(TicketAction.APPROVE_EXTENSION, before)
                .unit(unit)
                .note(NOTES.text(
                        "dispatch.note.extension",
                        Map.of(
                                "clock",
                                NOTES.name("clock", request.clock()),
                                "extra",
                                NOTES.span(request.extraTime()))))
                .record(
                        actor,
                        at,
                        c -> new TicketEvent.ExtensionApproved(c, unit, request.clock(), request.extraTime()));
    }

    public void refuseExtension(UnitCode unit, String reason, Actor actor, Instant at) {
        var before = guard(TicketAction.REFUSE_EXTENSION);
        var task = taskWithPendingExtension(TicketAction.REFUSE_EXTENSION, unit);
        text("reason", reason);
        var request = task.answerPending(ExtensionRequest.Status.REFUSED, reason, at);
        entry(TicketAction.REFUSE_EXTENSION, before)
                .unit(unit)
                .note(reason)
                .record(
                        actor,
                        at,
                        c -> new TicketEvent.ExtensionRefused(c, unit, request.clock(), request.extraTime(), reason));
    }

    /** 挂账: pending with a reason; clocks pause until {@link #resume}. */
    public void suspend(String reason, Actor actor, Instant at) {
        var before = guard(TicketAction.SUSPEND);
        text("reason", reason);
        suspendedFrom = before;
        suspendReason = reason;
        state = TicketState.SUSPENDED;
        entry(TicketAction.SUSPEND, before).note(reason).record(actor, at, c -> new TicketEvent.Suspended(c, reason));
    }

    /** Back to the state the ticket was suspended from. */
    public void resume(Actor actor, Instant at) {
        var before = guard(TicketAction.RESUME);
        state = Objects.requireNonNull(suspendedFrom);
        suspendedFrom = null;
        suspendReason = null;
        entry(TicketAction.RESUME, before).record(actor, at, TicketEvent.Resumed::new);
    }

    /** 核查 passed: the result is true; the reporter follow-up decides how it closes. */
    public void verify(Actor actor, Instant at) {
        verify(null, List.of(), actor, at);
    }

    /**
     * 核查 passed, with the inspector's note and photos (evidence) on the timeline. When the reporter already said it is
     * fixed in this round (回访 before 核查, {@link #resolvedThisRound()}), the loop closes now: a second change, CLOSE
     * as RESOLVED, made by the platform.
     */
    public void verify(@Nullable String note, List<EvidenceRef> evidence, Actor actor, Instant at) {
        var before = guard(TicketAction.VERIFY_PASS);
        FreeText.optional("note", note);
        required("evidence", evidence);
        FreeText.evidence("evidence", evidence);
        state = TicketState.VERIFIED;
        entry(TicketAction.VERIFY_PASS, before)
                .note(note)
                .evidence(List.copyOf(evidence))
                .record(actor, at, TicketEvent.Verified::new);
        if (resolvedThisRound()) {
            close(Outcome.RESOLVED, PLATFORM, at);
        }
    }

    /** 核查 failed: rework (返工) — back to IN_PROGRESS with the lead's task reopened, counted against the lead. */
    public void failVerification(String reason, Actor actor, Instant at) {
        failVerification(reason, List.of(), actor, at);
    }

    /** 核查 failed, with the inspector's photos of what is still wrong. */
    public void failVerification(String reason, List<EvidenceRef> evidence, Actor actor, Instant at) {
        var before = guard(TicketAction.VERIFY_FAIL);
        text("reason", reason);
        required("evidence", evidence);
        FreeText.evidence("evidence", evidence);
        var lead = rework();
        entry(TicketAction.VERIFY_FAIL, before)
                .unit(lead.unit())
                .note(reason)
                .evidence(List.copyOf(evidence))
                .record(actor, at, c -> new TicketEvent.VerificationFailed(c, lead.unit(), reason));
    }

    /**
     * 结案: closes a verified ticket as RESOLVED (reporter satisfied) or NO_ANSWER (follow-up expired). A co-handling
     * unit still summoned and not reported in (待报到) is settled: its summons ends with the ticket, so nobody waits
     * for it on a closed ticket (the close's note says how many); a reopen stands its summons again.
     */
    public void close(Outcome closeAs, Actor actor, Instant at) {
        var before = guard(TicketAction.CLOSE);
        required("outcome", closeAs);
        if (closeAs != Outcome.RESOLVED && closeAs != Outcome.NO_ANSWER) {
            throw InvalidInputException.of(
                    "outcome",
                    Phrase.of(
                            "dispatch.refusal.closeAs",
                            "resolved",
                            Phrase.name("outcome", Outcome.RESOLVED),
                            "noAnswer",
                            Phrase.name("outcome", Outcome.NO_ANSWER)));
        }
        state = TicketState.CLOSED;
        outcome = closeAs;
        closedAt = at;
        var settled = 0;
        for (var task : tasks.values()) {
            if (task.state() == TaskState.SUMMONED && task.settledAt().isEmpty()) {
                task.settle(at);
                settled++;
            }
        }
        // The note says how many summons ended with the ticket (the tasks name the units), so the loop's end explains
        // why a summoned unit never reported in.
        var note = settled == 0
                ? NOTES.text("dispatch.note.closed", Map.of("outcome", NOTES.name("outcome", closeAs)))
                : NOTES.text(
                        "dispatch.note.closedSettled",
                        Map.of("outcome", NOTES.name("outcome", closeAs), "n", String.valueOf(settled)));
        entry(TicketAction.CLOSE, before).note(note).record(actor, at, c -> new TicketEvent.Closed(c, closeAs));
    }

    /**
     * 返工 after the reporter said "not fixed": back to IN_PROGRESS at the same level with the lead's task reopened,
     * counted against the lead unit. {@link ReopenPolicy} decides whether a closed ticket is still within reach.
     */
    public void reopen(String reason, ReopenPolicy policy, Actor actor, Instant at) {
        reopenAnsweredAt(reason, policy, actor, at, at);
    }

    /** Reopens when the reporter's answer of {@code answeredAt} was within the window, however late it arrives. */
    private void reopenAnsweredAt(String reason, ReopenPolicy policy, Actor actor, Instant answeredAt, Instant at) {
        var before = guard(TicketAction.REOPEN);
        text("reason", reason);
        if (policy.check(state, closedAt, answeredAt) instanceof Decision.Rejected(var field, var why)) {
            throw new ConflictException(Phrase.of("dispatch.refusal.reopen", "state", stateName(state), "why", why));
        }
        var lead = rework();
        entry(TicketAction.REOPEN, before)
                .unit(lead.unit())
                .note(reason)
                .record(actor, at, c -> new TicketEvent.Reopened(c, lead.unit(), reason, reopenCount));
    }

    /**
     * An expired clock (from sla-service): {@link EscalationPolicy} raises the ticket one level, to {@code
     * centreAbove}, or at city level red-lists the late unit; either way a supervision order (督办) goes against the
     * late unit ({@code lateUnit}, or the owning centre for its own clocks). The level history is kept.
     *
     * @param centreAbove the command centre one level up; required unless the ticket is at city level
     */
    public void raiseLevel(
            ClockKind clock, @Nullable UnitCode lateUnit, @Nullable UnitCode centreAbove, Actor actor, Instant at) {
        var before = guard(TicketAction.RAISE_LEVEL);
        required("clock", clock);
        if (lateUnit != null && !tasks.containsKey(lateUnit)) {
            throw InvalidInputException.of("lateUnit", Phrase.of("dispatch.refusal.lateUnitNotSummoned"));
        }
        var against = lateUnit != null ? lateUnit : owningCentre;
        var from = level;
        switch (EscalationPolicy.onExpiry(level)) {
            case EscalationPolicy.Step.RaiseTo(var to) -> {
                required("centreAbove", centreAbove);
                var order = new SupervisionOrder(supervisionOrders.size() + 1, against, clock, from, to, false, at);
                supervisionOrders.add(order);
                level = to;
                owningCentre = centreAbove;
                levelHistory.add(new LevelAssignment(to, centreAbove, at));
                entry(TicketAction.RAISE_LEVEL, before)
                        .unit(lateUnit)
                        .note(NOTES.text(
                                "dispatch.note.levelRaised",
                                Map.of(
                                        "clock", NOTES.name("clock", clock),
                                        "from", NOTES.name("level", from),
                                        "to", NOTES.name("level", to),
                                        "against", against.value())))
                        .record(actor, at, c -> new TicketEvent.LevelRaised(c, from, to, order));
            }
            case EscalationPolicy.Step.RedList() -> {
                var order = new SupervisionOrder(supervisionOrders.size() + 1, against, clock, from, null, true, at);
                supervisionOrders.add(order);
                redListed.add(against);
                entry(TicketAction.RAISE_LEVEL, before)
                        .unit(lateUnit)
                        .note(NOTES.text(
                                "dispatch.note.blackListed",
                                Map.of(
                                        "clock", NOTES.name("clock", clock),
                                        "from", NOTES.name("level", from),
                                        "against", against.value())))
                        .record(actor, at, c -> new TicketEvent.RedListed(c, order));
            }
        }
    }

    /**
     * 督办 or 催办 by hand: a district or city dispatcher ({@code issuedBy}, at or above the ticket's level) orders the
     * unit answering for the ticket to finish by {@code dueBy}, with a reason. The order is against the lead unit, or
     * the owning centre while nobody leads. Orders ({@code reminder} false) count as supervision orders; reminders
     * are numbered in the same sequence but not counted. The level does not change.
     */
    public SupervisionOrder supervise(
            boolean reminder, CommandLevel issuedBy, String reason, Instant dueBy, Actor actor, Instant at) {
        var action = reminder ? TicketAction.REMIND : TicketAction.SUPERVISE;
        var before = guard(action);
        required("issuedBy", issuedBy);
        text("reason", reason);
        required("dueBy", dueBy);
        if (issuedBy.ordinal() < CommandLevel.DISTRICT.ordinal() || issuedBy.ordinal() < level.ordinal()) {
            throw InvalidInputException.of("issuedBy", Phrase.of("dispatch.refusal.supervisionIssuer"));
        }
        if (!dueBy.isAfter(at)) {
            throw InvalidInputException.of("dueBy", Phrase.of("dispatch.refusal.dueInPast"));
        }
        if (dueBy.isAfter(at.plus(MAX_SUPERVISION_DEADLINE))) {
            throw InvalidInputException.of("dueBy", Phrase.of("dispatch.refusal.dueTooFar"));
        }
        var against = currentLead().map(Task::unit).orElse(owningCentre);
        var order = new SupervisionOrder(
                supervisionOrders.size() + 1,
                reminder ? SupervisionOrder.Kind.REMINDER : SupervisionOrder.Kind.ORDER,
                against,
                null,
                level,
                null,
                false,
                at,
                issuedBy,
                reason,
                dueBy);
        supervisionOrders.add(order);
        entry(action, before)
                .unit(currentLead().map(Task::unit).orElse(null))
                .note((reminder ? "催办" : "督办") + "第 " + order.number() + " 号：" + reason)
                .record(actor, at, c -> new TicketEvent.Supervised(c, order));
        return order;
    }

    /**
     * 提级: a higher level ({@code toLevel}, above the ticket's) takes the ticket over, its centre {@code toCentre}
     * owning it from now; the clocks follow that level's policy (sla-service reads the level from the event).
     */
    public void pullUp(UnitCode toCentre, CommandLevel toLevel, String reason, Actor actor, Instant at) {
        var before = guard(TicketAction.PULL_UP);
        required("centre", toCentre);
        required("level", toLevel);
        text("reason", reason);
        if (toLevel.ordinal() <= level.ordinal()) {
            throw InvalidInputException.of(
                    "level", Phrase.of("dispatch.refusal.pullUp", "level", Phrase.name("level", level)));
        }
        moveLevel(TicketAction.PULL_UP, before, toCentre, toLevel, reason, actor, at);
    }

    /** 下派: the owning level hands the ticket down to {@code toCentre} at {@code toLevel}, below its own. */
    public void handDown(UnitCode toCentre, CommandLevel toLevel, String reason, Actor actor, Instant at) {
        var before = guard(TicketAction.HAND_DOWN);
        required("centre", toCentre);
        required("level", toLevel);
        text("reason", reason);
        if (toLevel.ordinal() >= level.ordinal()) {
            throw InvalidInputException.of(
                    "level", Phrase.of("dispatch.refusal.handDown", "level", Phrase.name("level", level)));
        }
        moveLevel(TicketAction.HAND_DOWN, before, toCentre, toLevel, reason, actor, at);
    }

    private void moveLevel(
            TicketAction action,
            TicketState before,
            UnitCode toCentre,
            CommandLevel toLevel,
            String reason,
            Actor actor,
            Instant at) {
        var fromCentre = owningCentre;
        var fromLevel = level;
        owningCentre = toCentre;
        level = toLevel;
        levelHistory.add(new LevelAssignment(toLevel, toCentre, at));
        entry(action, before)
                .note(reason)
                .record(
                        actor,
                        at,
                        c -> new TicketEvent.Transferred(c, fromCentre, fromLevel, toCentre, toLevel, reason));
    }

    /**
     * 撤回: a co-handling unit summoned by mistake is withdrawn, its task removed (the timeline keeps the summons and
     * the withdrawal). The lead is not withdrawn — {@link #replaceLead} names another — nor a unit that is done.
     */
    public void withdraw(UnitCode unit, String reason, Actor actor, Instant at) {
        var before = guard(TicketAction.WITHDRAW_UNIT);
        required("unit", unit);
        text("reason", reason);
        var task = tasks.get(unit);
        if (task == null || !task.holds()) {
            throw new ConflictException(Phrase.of("dispatch.refusal.withdraw.notSummoned", "state", stateName(state)));
        }
        if (task.lead()) {
            throw new ConflictException(Phrase.of("dispatch.refusal.withdraw.lead", "state", stateName(state)));
        }
        if (task.state() == TaskState.DONE) {
            throw new ConflictException(Phrase.of("dispatch.refusal.withdraw.done", "state", stateName(state)));
        }
        tasks.remove(unit);
        var note = "撤回 " + unit + "：" + reason;
        entry(TicketAction.WITHDRAW_UNIT, before)
                .unit(unit)
                .note(note)
                .record(actor, at, c -> new TicketEvent.SummonsChanged(c, note));
    }

    /**
     * 改派主办: {@code newLead} leads from now, without waiting for the old lead to decline. The old lead's task is
     * removed (the timeline keeps it); a co-handling unit already summoned keeps its task and its progress and leads,
     * another unit (also one that had declined) gets a new task. The controller checks the unit is active.
     */
    public void replaceLead(UnitCode newLead, String reason, Actor actor, Instant at) {
        var before = guard(TicketAction.REPLACE_LEAD);
        required("lead", newLead);
        text("reason", reason);
        var old = currentLead()
                .orElseThrow(() -> new ConflictException(
                        Phrase.of("dispatch.refusal.replaceLead.noLead", "state", stateName(state))));
        if (old.unit().equals(newLead)) {
            throw InvalidInputException.of("lead", Phrase.of("dispatch.refusal.replaceLead.same"));
        }
        var existing = tasks.get(newLead);
        tasks.remove(old.unit());
        if (existing != null && existing.holds()) {
            existing.lead(true);
        } else {
            tasks.put(newLead, new Task(newLead, true, at));
        }
        state = anyReportedIn() ? TicketState.IN_PROGRESS : TicketState.DISPATCHED;
        var note = "主办单位由 " + old.unit() + " 改为 " + newLead + "：" + reason;
        entry(TicketAction.REPLACE_LEAD, before)
                .unit(newLead)
                .note(note)
                .record(actor, at, c -> new TicketEvent.SummonsChanged(c, note));
    }

    /**
     * On the surviving ticket of a merge: names the merged ticket and its whistle on this timeline. The survivor must
     * still be open; nothing else changes.
     */
    public void mergedIn(Ticket merged, Actor actor, Instant at) {
        required("merged", merged);
        if (TicketTransitions.terminal().contains(state) || state == TicketState.CLOSED) {
            throw new ConflictException(
                    Phrase.of("dispatch.refusal.mergedState", "number", number.format(), "state", stateName(state)));
        }
        if (merged.mergedInto == null || !merged.mergedInto.equals(id)) {
            throw InvalidInputException.of(
                    "merged", Phrase.of("dispatch.refusal.notMergedHere", "number", merged.number.format()));
        }
        var note = "并入重复工单 " + merged.number + "（哨情 " + merged.whistleId + "）";
        entry(TicketAction.MERGED_IN, state)
                .note(note)
                .record(actor, at, c -> new TicketEvent.MergedIn(c, merged.id, merged.number.format()));
    }

    /**
     * 回访: the reporter's answer, relayed by {@code channel}, or recorded by a command centre by phone (电话回访,
     * {@link FollowUpAnswer#recordedBy()}, who is then the actor). One answer counts per round ({@link
     * FollowUpRoundPolicy}): a counted answer is a FOLLOW_UP_RESOLVED or FOLLOW_UP_NOT_RESOLVED entry; "resolved"
     * then closes a VERIFIED ticket as RESOLVED (a RESOLVED one closes when verified, {@link #resolvedThisRound()}),
     * "not resolved" reopens it while {@code reopenPolicy} allows. An answer that does not count is a
     * FOLLOW_UP_IGNORED entry with the reason and changes nothing else — never applied twice, never reopening twice.
     *
     * @return whether the answer counted
     */
    public boolean followUp(FollowUpAnswer answer, ReopenPolicy reopenPolicy, Actor channel, Instant at) {
        required("answer", answer);
        var actor = answer.byPhone() ? Objects.requireNonNull(answer.recordedBy()) : channel;
        var words = followUpWords(answer);
        var before = state;
        if (FollowUpRoundPolicy.check(state, timeline.entries()) instanceof Decision.Rejected(var field, var why)) {
            entry(TicketAction.FOLLOW_UP_IGNORED, before)
                    .note(FreeText.clipped("未计入：" + why.in(NOTES) + "（" + words + "）"))
                    .record(
                            actor,
                            at,
                            c -> new TicketEvent.FollowedUp(
                                    c, answer.rating(), answer.resolved(), false, answer.recordedBy()));
            return false;
        }
        var reopen = answer.resolved() ? null : reopenPolicy.check(state, closedAt, answer.answeredAt());
        var note = reopen instanceof Decision.Rejected(var field, var why)
                ? words + "（不再返工：" + why.in(NOTES) + "）"
                : words;
        entry(answer.resolved() ? TicketAction.FOLLOW_UP_RESOLVED : TicketAction.FOLLOW_UP_NOT_RESOLVED, before)
                .note(FreeText.clipped(note))
                .record(
                        actor,
                        at,
                        c -> new TicketEvent.FollowedUp(
                                c, answer.rating(), answer.resolved(), true, answer.recordedBy()));
        if (answer.resolved() && state == TicketState.VERIFIED) {
            close(Outcome.RESOLVED, actor, at);
        } else if (!answer.resolved() && reopen instanceof Decision.Allowed) {
            var reason = "回访：报告人表示未解决"
                    + (answer.comment() == null || answer.comment().isBlank() ? "" : "——" + answer.comment());
            reopenAnsweredAt(FreeText.clipped(reason), reopenPolicy, actor, answer.answeredAt(), at);
        }
        return true;
    }

    /** Whether this round's counted follow-up said resolved: then verification closes the ticket. */
    public boolean resolvedThisRound() {
        return FollowUpRoundPolicy.resolvedThisRound(timeline.entries());
    }

    private static String followUpWords(FollowUpAnswer answer) {
        var rating = switch (answer.rating()) {
            case SATISFIED -> "满意";
            case BASICALLY_SATISFIED -> "基本满意";
            case DISSATISFIED -> "不满意";
        };
        var who = answer.byPhone()
                ? "电话回访（" + Objects.requireNonNull(answer.recordedBy()).userId() + " 代报告人记录）"
                : "报告人回访";
        var comment = answer.comment() == null || answer.comment().isBlank() ? "" : "；意见：" + answer.comment();
        return who + "：" + rating + "，" + (answer.resolved() ? "已解决" : "未解决") + comment;
    }

    // ---- unit actions, each on the unit's own task -------------------------------------------------------------

    /** 报到: the unit acknowledges and takes responsibility; the first report-in puts the ticket IN_PROGRESS. */
    public void reportIn(UnitCode unit, Actor actor, Instant at) {
        var task = guardTask(TicketAction.REPORT_IN, unit);
        var before = state;
        task.reportIn(at);
        state = TicketState.IN_PROGRESS;
        reported(task, Report.REPORTED_IN, before, null, List.of(), actor, at);
    }

    /** 到场. */
    public void onSite(UnitCode unit, Actor actor, Instant at) {
        var task = guardTask(TicketAction.ON_SITE, unit);
        task.onSite();
        reported(task, Report.ON_SITE, state, null, List.of(), actor, at);
    }

    public void progress(UnitCode unit, String note, List<EvidenceRef> evidence, Actor actor, Instant at) {
        var task = guardTask(TicketAction.PROGRESS, unit);
        text("note", note);
        required("evidence", evidence);
        FreeText.evidence("evidence", evidence);
        reported(task, Report.PROGRESS, state, note, evidence, actor, at);
    }

    /** 先行联系: the unit spoke with the reporter. */
    public void contactedReporter(UnitCode unit, @Nullable String note, Actor actor, Instant at) {
        var task = guardTask(TicketAction.CONTACTED_REPORTER, unit);
        FreeText.optional("note", note);
        reported(task, Report.CONTACTED_REPORTER, state, note, List.of(), actor, at);
    }

    /** 办结: the unit finished; the lead must show evidence, and its done makes the ticket RESOLVED. */
    public void done(UnitCode unit, @Nullable String note, List<EvidenceRef> evidence, Actor actor, Instant at) {
        var task = guardTask(TicketAction.DONE, unit);
        required("evidence", evidence);
        FreeText.optional("note", note);
        FreeText.evidence("evidence", evidence);
        if (task.lead() && evidence.isEmpty()) {
            throw InvalidInputException.of("evidence", Phrase.of("dispatch.refusal.doneNeedsEvidence"));
        }
        var before = state;
        task.done(at);
        if (task.lead()) {
            state = TicketState.RESOLVED;
            resolvedAt = at;
        }
        reported(task, Report.DONE, before, note, evidence, actor, at);
    }

    /**
     * 退回: the unit says the task is not theirs — before reporting in, or after (with a reason, while the centre
     * decides what to do with it). When no unit is left holding a task, or the lead declined, the
     * ticket goes back to its command level (RETURNED) as a second change.
     */
    public void decline(UnitCode unit, String reason, Actor actor, Instant at) {
        var task = guardTask(TicketAction.DECLINE, unit);
        text("reason", reason);
        var before = state;
        task.decline(reason);
        reported(task, Report.DECLINED, before, reason, List.of(), actor, at);
        if (holdingUnits().isEmpty() || currentLead().isEmpty()) {
            var why = holdingUnits().isEmpty() ? "every summoned unit declined" : "the lead unit " + unit + " declined";
            var returnedFrom = state;
            state = TicketState.RETURNED;
            entry(TicketAction.RETURN, returnedFrom).note(why).record(actor, at, c -> new TicketEvent.Returned(c, why));
        }
    }

    /** Asks for extra time on one of the unit's clocks, within {@link ExtensionPolicy}; the centre answers. */
    public void requestExtension(
            UnitCode unit,
            ClockKind clock,
            Duration extraTime,
            String reason,
            ExtensionPolicy policy,
            Actor actor,
            Instant at) {
        var task = guardTask(TicketAction.REQUEST_EXTENSION, unit);
        required("clock", clock);
        required("extraTime", extraTime);
        text("reason", reason);
        if (policy.check(
                        clock,
                        extraTime,
                        task.countedExtensions(),
                        task.pendingExtension().isPresent())
                instanceof Decision.Rejected(var field, var why)) {
            throw InvalidInputException.of(field, why);
        }
        task.request(
                new ExtensionRequest(unit, clock, extraTime, reason, at, ExtensionRequest.Status.PENDING, null, null));
        entry(TicketAction.REQUEST_EXTENSION, state)
                .unit(unit)
                .note(NOTES.text(
                        "dispatch.note.extensionRequested",
                        Map.of("clock", NOTES.name("clock", clock), "extra", NOTES.span(extraTime), "reason", reason)))
                .record(actor, at, c -> new TicketEvent.ExtensionRequested(c, unit, clock, extraTime, reason));
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    public TicketId id() {
        return id;
    }

    public WhistleId whistleId() {
        return whistleId;
    }

    public TicketNumber number() {
        return number;
    }

    public CategoryCode category() {
        return category;
    }

    public Urgency priority() {
        return priority;
    }

    public CommandLevel level() {
        return level;
    }

    public UnitCode owningCentre() {
        return owningCentre;
    }

    public TicketState state() {
        return state;
    }

    /** The state a SUSPENDED ticket resumes to, and why it was suspended. */
    public Optional<TicketState> suspendedFrom() {
        return Optional.ofNullable(suspendedFrom);
    }

    public Optional<String> suspendReason() {
        return Optional.ofNullable(suspendReason);
    }

    /** Every task in the order units were summoned, declined ones included. */
    public List<Task> tasks() {
        return List.copyOf(tasks.values());
    }

    public Optional<Task> task(UnitCode unit) {
        return Optional.ofNullable(tasks.get(unit));
    }

    /** The lead whose task is not declined. */
    public Optional<Task> currentLead() {
        return tasks.values().stream().filter(t -> t.lead() && t.holds()).findFirst();
    }

    /** Equal to the sequence of the latest timeline entry. */
    public long revision() {
        return revision;
    }

    public Timeline timeline() {
        return timeline;
    }

    public List<SupervisionOrder> supervisionOrders() {
        return List.copyOf(supervisionOrders);
    }

    public Set<UnitCode> redListedUnits() {
        return Set.copyOf(redListed);
    }

    /** Who owned the ticket at which level, oldest first; escalations and transfers add to it. */
    public List<LevelAssignment> levelHistory() {
        return List.copyOf(levelHistory);
    }

    /** Times the ticket went back to rework (failed verification or "not fixed"). */
    public int reopenCount() {
        return reopenCount;
    }

    public Optional<Instant> resolvedAt() {
        return Optional.ofNullable(resolvedAt);
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    public Optional<TicketId> mergedInto() {
        return Optional.ofNullable(mergedInto);
    }

    public Optional<String> rejectReason() {
        return Optional.ofNullable(rejectReason);
    }

    /**
     * The ticket's state apart from its timeline, in the one shape storage writes and reads and views are built from;
     * {@link #restore} takes it back.
     */
    public TicketSnapshot snapshot() {
        return new TicketSnapshot(
                id,
                whistleId,
                number,
                category,
                priority,
                level,
                owningCentre,
                state,
                suspendedFrom,
                suspendReason,
                tasks.values().stream().map(Task::snapshot).toList(),
                revision,
                List.copyOf(supervisionOrders),
                java.util.Collections.unmodifiableSet(new LinkedHashSet<>(redListed)),
                List.copyOf(levelHistory),
                reopenCount,
                resolvedAt,
                closedAt,
                outcome,
                mergedInto,
                rejectReason);
    }

    /** Events registered since the last {@link #clearEvents()}, oldest first, for the outbox. */
    public List<TicketEvent> events() {
        return List.copyOf(events);
    }

    public void clearEvents() {
        events.clear();
    }

    // ---- guts --------------------------------------------------------------------------------------------------

    private TicketState guard(TicketAction action) {
        if (!TicketTransitions.allows(action, state)) {
            throw new ConflictException(
                    Phrase.of("dispatch.refusal.ticketState", "action", actionName(action), "state", stateName(state)));
        }
        return state;
    }

    private Task guardTask(TicketAction action, UnitCode unit) {
        var task = unit == null ? null : tasks.get(unit);
        if (!TicketTransitions.allows(action, state)) {
            throw new ConflictException(Phrase.of(
                    "dispatch.refusal.taskTicketState", "action", actionName(action), "state", stateName(state)));
        }
        required("unit", unit);
        if (task == null) {
            throw new ConflictException(
                    Phrase.of("dispatch.refusal.notSummoned", "action", actionName(action), "state", stateName(state)));
        }
        if (!TicketTransitions.allowedTaskStates(action).contains(task.state())) {
            throw new ConflictException(Phrase.of(
                    "dispatch.refusal.taskState",
                    "action",
                    actionName(action),
                    "taskState",
                    Phrase.name("task.state", task.state()),
                    "state",
                    stateName(state)));
        }
        return task;
    }

    private Task taskWithPendingExtension(TicketAction action, UnitCode unit) {
        required("unit", unit);
        var task = tasks.get(unit);
        if (task == null || task.pendingExtension().isEmpty()) {
            throw new ConflictException(Phrase.of(
                    "dispatch.refusal.noPendingExtension", "action", actionName(action), "state", stateName(state)));
        }
        return task;
    }

    private Task rework() {
        var lead = currentLead()
                .filter(t -> t.state() == TaskState.DONE)
                .orElseThrow(() ->
                        new ConflictException(Phrase.of("dispatch.refusal.noDoneLead", "state", stateName(state))));
        lead.rework();
        tasks.values().forEach(Task::unsettle);
        reopenCount++;
        state = TicketState.IN_PROGRESS;
        resolvedAt = null;
        closedAt = null;
        outcome = null;
        return lead;
    }

    private Set<UnitCode> holdingUnits() {
        return tasks.values().stream()
                .filter(Task::holds)
                .map(Task::unit)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private boolean anyReportedIn() {
        return tasks.values().stream().anyMatch(t -> t.holds() && t.state() != TaskState.SUMMONED);
    }

    private void reported(
            Task task,
            Report report,
            TicketState before,
            @Nullable String note,
            List<EvidenceRef> evidence,
            Actor actor,
            Instant at) {
        var refs = List.copyOf(evidence);
        entry(
                        switch (report) {
                            case REPORTED_IN -> TicketAction.REPORT_IN;
                            case ON_SITE -> TicketAction.ON_SITE;
                            case PROGRESS -> TicketAction.PROGRESS;
                            case CONTACTED_REPORTER -> TicketAction.CONTACTED_REPORTER;
                            case DONE -> TicketAction.DONE;
                            case DECLINED -> TicketAction.DECLINE;
                        },
                        before)
                .unit(task.unit())
                .note(note)
                .evidence(refs)
                .record(
                        actor,
                        at,
                        c -> new TicketEvent.UnitReported(
                                c, task.unit(), task.lead(), report, task.state(), note, refs));
    }

    private Entry entry(TicketAction action, @Nullable TicketState before) {
        return new Entry(action, before);
    }

    /**
     * The next change, named rather than positional: what was done and from which state, optionally about which unit,
     * with which note and evidence; {@link #record} appends its timeline entry, raises the revision to it and
     * registers its event.
     */
    private final class Entry {
        private final TicketAction action;
        private final @Nullable TicketState before;
        private @Nullable UnitCode unit;
        private @Nullable String note;
        private List<EvidenceRef> evidence = List.of();

        private Entry(TicketAction action, @Nullable TicketState before) {
            this.action = action;
            this.before = before;
        }

        Entry unit(@Nullable UnitCode about) {
            unit = about;
            return this;
        }

        Entry note(@Nullable String text) {
            note = text;
            return this;
        }

        Entry evidence(List<EvidenceRef> refs) {
            evidence = refs;
            return this;
        }

        void record(Actor actor, Instant at, Function<TicketChange, TicketEvent> event) {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(at, "at");
            var entry = timeline.append(at, actor, action, note, evidence, before, state, unit);
            revision = entry.sequence();
            events.add(event.apply(
                    new TicketChange(id, whistleId, revision, before, state, level, owningCentre, actor, entry.at())));
        }
    }

    /** A ticket state as people call it, for refusals worded in the reader's language. */
    private static Phrase stateName(TicketState state) {
        return Phrase.name("ticket.state", state);
    }

    private static Phrase actionName(TicketAction action) {
        return Phrase.name("dispatch.act", action);
    }

    private static void required(String field, @Nullable Object value) {
        if (value == null) {
            throw InvalidInputException.of(field, Phrase.of("refusal.required"));
        }
    }

    private static void text(String field, @Nullable String value) {
        FreeText.required(field, value);
    }
}
