package org.whistle.dispatch.ticket.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.whistle.events.TaskState;
import org.whistle.orgreference.domain.routing.UnitCode;

/**
 * One summoned unit's task on a ticket ({@code SUMMONED → REPORTED_IN → ON_SITE → DONE}, or {@code DECLINED}); changed
 * only through {@link Ticket}. A rework (failed verification or "not fixed") moves the lead's DONE task back to
 * REPORTED_IN and counts against the unit.
 */
public final class Task {

    private final UnitCode unit;
    private boolean lead;
    private final Instant summonedAt;
    private TaskState state = TaskState.SUMMONED;
    private @Nullable Instant reportedInAt;
    private @Nullable Instant doneAt;
    private @Nullable String declineReason;
    private int reworkCount;
    private @Nullable Instant settledAt;
    private final List<ExtensionRequest> extensions = new ArrayList<>();

    Task(UnitCode unit, boolean lead, Instant summonedAt) {
        this.unit = unit;
        this.lead = lead;
        this.summonedAt = summonedAt;
    }

    static Task restore(TicketSnapshot.TaskSnapshot stored) {
        var task = new Task(stored.unit(), stored.lead(), stored.summonedAt());
        task.state = stored.state();
        task.reportedInAt = stored.reportedInAt();
        task.doneAt = stored.doneAt();
        task.declineReason = stored.declineReason();
        task.reworkCount = stored.reworkCount();
        task.settledAt = stored.settledAt();
        task.extensions.addAll(stored.extensions());
        return task;
    }

    /** The task as stored and restored. */
    TicketSnapshot.TaskSnapshot snapshot() {
        return new TicketSnapshot.TaskSnapshot(
                unit,
                lead,
                summonedAt,
                state,
                reportedInAt,
                doneAt,
                declineReason,
                reworkCount,
                List.copyOf(extensions),
                settledAt);
    }

    public UnitCode unit() {
        return unit;
    }

    public boolean lead() {
        return lead;
    }

    public TaskState state() {
        return state;
    }

    public Instant summonedAt() {
        return summonedAt;
    }

    public Optional<Instant> reportedInAt() {
        return Optional.ofNullable(reportedInAt);
    }

    public Optional<Instant> doneAt() {
        return Optional.ofNullable(doneAt);
    }

    public Optional<String> declineReason() {
        return Optional.ofNullable(declineReason);
    }

    /**
     * When the ticket closed while this unit was still summoned and had not reported in (待报到): its summons ended
     * with the ticket, so it is no longer waited for. Empty while the summons stands.
     */
    public Optional<Instant> settledAt() {
        return Optional.ofNullable(settledAt);
    }

    /** Times this unit's result was sent back (返工). */
    public int reworkCount() {
        return reworkCount;
    }

    public List<ExtensionRequest> extensions() {
        return List.copyOf(extensions);
    }

    public Optional<ExtensionRequest> pendingExtension() {
        return extensions.stream()
                .filter(e -> e.status() == ExtensionRequest.Status.PENDING)
                .findFirst();
    }

    /** Pending and approved requests, the ones {@link ExtensionPolicy} counts. */
    int countedExtensions() {
        return (int) extensions.stream()
                .filter(e -> e.status() != ExtensionRequest.Status.REFUSED)
                .count();
    }

    boolean holds() {
        return TicketTransitions.holds(state);
    }

    void reportIn(Instant at) {
        state = TaskState.REPORTED_IN;
        reportedInAt = at;
    }

    /** 改派主办: this unit now leads, or no longer does. */
    void lead(boolean leads) {
        lead = leads;
    }

    /** The ticket closed before this unit reported in: its summons ends with the ticket. */
    void settle(Instant at) {
        settledAt = at;
    }

    /** The ticket reopened: a summons that ended with the closing stands again. */
    void unsettle() {
        settledAt = null;
    }

    void onSite() {
        state = TaskState.ON_SITE;
    }

    void done(Instant at) {
        state = TaskState.DONE;
        doneAt = at;
    }

    void decline(String reason) {
        state = TaskState.DECLINED;
        declineReason = reason;
    }

    void rework() {
        state = TaskState.REPORTED_IN;
        doneAt = null;
        reworkCount++;
    }

    void request(ExtensionRequest request) {
        extensions.add(request);
    }

    ExtensionRequest answerPending(ExtensionRequest.Status status, @Nullable String answer, Instant at) {
        var pending = pendingExtension().orElseThrow();
        var answered = pending.answered(status, answer, at);
        extensions.set(extensions.indexOf(pending), answered);
        return answered;
    }
}
