package org.whistle.members.tasks.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/**
 * A task or micro-wish with its claims. Places, the window and check-in are guarded here: every change goes through
 * {@link TaskTransitions} and {@link CheckInPolicy}, is written to the timeline and, where others must know, registers
 * a {@link TaskEvent}. Refusals are in the words the member or publisher reads.
 */
public final class Task {

    /** What the publisher sets. */
    public record Spec(
            TaskKind kind,
            String title,
            String description,
            String compoundId,
            String gridId,
            String place,
            TaskWindow window,
            int places,
            List<String> skills,
            int points,
            boolean checkInRequired) {

        public Spec {
            skills = List.copyOf(skills);
            if (places < 1 || places > 200) {
                throw InvalidInputException.of("places", Phrase.of("members.refusal.places"));
            }
            if (points < 0 || points > 100) {
                throw InvalidInputException.of("points", Phrase.of("members.refusal.taskPoints"));
            }
        }
    }

    /**
     * The whistle a community task was made from, its ticket, and the handling unit the community took it on for
     * (dispatch summons that unit as the ticket's lead; the completion reports done for the same unit).
     */
    public record FromWhistle(
            UUID whistleId,
            @Nullable UUID ticketId,
            @Nullable String handlingUnit) {

        public FromWhistle handledBy(@Nullable String unit) {
            return new FromWhistle(whistleId, ticketId, unit);
        }
    }

    private final TaskId id;
    private final Spec spec;
    private final String publisher;
    private final String publisherName;
    private final Instant publishedAt;
    private final @Nullable FromWhistle whistle;
    private TaskState state;
    private final long revision;
    private final Map<UUID, Claim> claims;
    private final List<TaskStep> steps;
    private final int storedSteps;
    private final List<TaskEvent> events = new ArrayList<>();

    private Task(
            TaskId id,
            Spec spec,
            String publisher,
            String publisherName,
            Instant publishedAt,
            @Nullable FromWhistle whistle,
            TaskState state,
            long revision,
            List<Claim> claims,
            List<TaskStep> steps) {
        this.id = id;
        this.spec = spec;
        this.publisher = publisher;
        this.publisherName = publisherName;
        this.publishedAt = publishedAt;
        this.whistle = whistle;
        this.state = state;
        this.revision = revision;
        this.claims = new LinkedHashMap<>();
        claims.forEach(claim -> this.claims.put(claim.memberId(), claim));
        this.steps = new ArrayList<>(steps);
        this.storedSteps = steps.size();
    }

    public static Task publish(
            Spec spec, String publisher, String publisherName, @Nullable FromWhistle whistle, Instant at) {
        if (!spec.window().endsAt().isAfter(at)) {
            throw InvalidInputException.of("endsAt", Phrase.of("members.refusal.taskEnded"));
        }
        var task = new Task(
                TaskId.newId(), spec, publisher, publisherName, at, whistle, TaskState.OPEN, 0, List.of(), List.of());
        task.step(
                TaskAction.PUBLISH, publisher, publisherName, null, spec.kind().label() + "：" + spec.title(), at);
        return task;
    }

    public static Task restore(
            TaskId id,
            Spec spec,
            String publisher,
            String publisherName,
            Instant publishedAt,
            @Nullable FromWhistle whistle,
            TaskState state,
            long revision,
            List<Claim> claims,
            List<TaskStep> steps) {
        return new Task(id, spec, publisher, publisherName, publishedAt, whistle, state, revision, claims, steps);
    }

    /** 认领: a confirmed member claims a place while the task is open and its window not over. */
    public void claim(UUID memberId, String memberName, Instant at) {
        requireOpen(TaskAction.CLAIM);
        if (at.isAfter(spec.window().endsAt())) {
            throw new ConflictException(Phrase.of("members.refusal.claimTooLate"));
        }
        var existing = claims.get(memberId);
        if (existing != null && existing.state().holdsPlace()) {
            throw new ConflictException(Phrase.of(
                    "members.refusal.alreadyClaimed",
                    "state",
                    Phrase.name("members.name.ClaimState", existing.state())));
        }
        if (placesTaken() >= spec.places()) {
            throw new ConflictException(Phrase.of("members.refusal.full", "places", spec.places()));
        }
        claims.put(memberId, Claim.claimed(memberId, memberName, at));
        step(TaskAction.CLAIM, memberId.toString(), memberName, memberId, null, at);
    }

    public void confirm(UUID memberId, String actor, String actorName, Instant at) {
        move(TaskAction.CONFIRM, memberId, ClaimState.CONFIRMED, actor, actorName, null, at);
    }

    public void decline(UUID memberId, String reason, String actor, String actorName, Instant at) {
        move(TaskAction.DECLINE, memberId, ClaimState.DECLINED, actor, actorName, reason, at);
    }

    public void withdraw(UUID memberId, Instant at) {
        var claim = claimOf(memberId);
        move(TaskAction.WITHDRAW, memberId, ClaimState.WITHDRAWN, memberId.toString(), claim.memberName(), null, at);
    }

    /**
     * 签到: on site, inside the window and (when required) the grid, with a photo.
     *
     * @param locatedGrid the grid the member's position lies in
     */
    public void checkIn(
            UUID memberId,
            double lat,
            double lng,
            Optional<String> locatedGrid,
            String gridName,
            @Nullable UUID photo,
            Instant at) {
        requireOpen(TaskAction.CHECK_IN);
        var claim = claimOf(memberId);
        requireClaim(TaskAction.CHECK_IN, claim);
        if (CheckInPolicy.decide(this, at, locatedGrid, gridName, photo != null)
                instanceof CheckInPolicy.Refused refused) {
            throw new ConflictException(refused.reason());
        }
        if (photo == null) {
            throw new ConflictException(Phrase.of("members.refusal.checkInPhoto"));
        }
        claims.put(memberId, claim.checkedIn(at, lat, lng, photo));
        step(TaskAction.CHECK_IN, memberId.toString(), claim.memberName(), memberId, null, at);
    }

    /**
     * 完成: the member finishes with evidence and the hours served, which cannot exceed the time since check-in (or the
     * window, when check-in is not required).
     */
    public void finish(UUID memberId, String evidence, @Nullable UUID photo, BigDecimal hours, Instant at) {
        requireOpen(TaskAction.FINISH);
        var claim = claimOf(memberId);
        requireClaim(TaskAction.FINISH, claim);
        var since = claim.checkedInAt() != null
                ? claim.checkedInAt()
                : spec.window().startsAt();
        var most = Duration.between(
                since, at.isAfter(spec.window().endsAt()) ? spec.window().endsAt() : at);
        var served = hours.setScale(1, RoundingMode.HALF_UP);
        if (served.signum() <= 0) {
            throw InvalidInputException.of("hours", Phrase.of("members.refusal.hoursPositive"));
        }
        var mostHours =
                BigDecimal.valueOf(Math.max(most.toMinutes(), 30)).divide(BigDecimal.valueOf(60), 1, RoundingMode.UP);
        if (served.compareTo(mostHours) > 0) {
            throw InvalidInputException.of(
                    "hours", Phrase.of("members.refusal.hoursSinceCheckIn", "hours", mostHours.toPlainString()));
        }
        claims.put(memberId, claim.finished(at, evidence, photo, served));
        step(TaskAction.FINISH, memberId.toString(), claim.memberName(), memberId, evidence, at);
    }

    /** 审核通过: the publisher or the branch secretary approves; the points follow, once. */
    public void approve(UUID memberId, String actor, String actorName, Instant at) {
        move(TaskAction.APPROVE, memberId, ClaimState.APPROVED, actor, actorName, null, at);
        var approved = claims.get(memberId);
        events.add(new TaskEvent.ClaimApproved(
                id,
                spec.title(),
                memberId,
                spec.points(),
                approved.hours() == null ? BigDecimal.ZERO : approved.hours(),
                actor,
                actorName,
                at));
        completeWhenNothingPending(actor, at);
    }

    /** 未到场: after the window, a claim that never checked in. */
    public void noShow(UUID memberId, String actor, String actorName, Instant at) {
        if (!at.isAfter(spec.window().endsAt())) {
            throw new ConflictException(Phrase.of("members.refusal.tooEarlyNoShow"));
        }
        move(TaskAction.NO_SHOW, memberId, ClaimState.NO_SHOW, actor, actorName, null, at);
        events.add(new TaskEvent.ClaimNoShow(id, spec.title(), memberId, actor, actorName, at));
        completeWhenNothingPending(actor, at);
    }

    public void cancel(String reason, String actor, String actorName, Instant at) {
        requireOpen(TaskAction.CANCEL);
        if (claims.values().stream()
                .anyMatch(c -> c.state() == ClaimState.APPROVED || c.state() == ClaimState.FINISHED)) {
            throw new ConflictException(Phrase.of("members.refusal.taskDone"));
        }
        claims.replaceAll((member, claim) -> claim.state().pending() ? claim.in(ClaimState.WITHDRAWN) : claim);
        state = TaskState.CANCELLED;
        step(TaskAction.CANCEL, actor, actorName, null, reason, at);
    }

    private void completeWhenNothingPending(String actor, Instant at) {
        var approved = claims.values().stream()
                .filter(c -> c.state() == ClaimState.APPROVED)
                .toList();
        if (!approved.isEmpty()
                && claims.values().stream().noneMatch(c -> c.state().pending())) {
            state = TaskState.DONE;
            var hours = approved.stream()
                    .map(c -> c.hours() == null ? BigDecimal.ZERO : c.hours())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            events.add(new TaskEvent.TaskCompleted(id, approved.size(), hours, actor, at));
        }
    }

    private void move(
            TaskAction action,
            UUID memberId,
            ClaimState next,
            String actor,
            String actorName,
            @Nullable String note,
            Instant at) {
        requireOpen(action);
        var claim = claimOf(memberId);
        requireClaim(action, claim);
        claims.put(
                memberId, claim.in(next).state() == ClaimState.APPROVED ? claim.approved(actor, at) : claim.in(next));
        step(action, actor, actorName, memberId, note, at);
    }

    private void requireOpen(TaskAction action) {
        if (!TaskTransitions.taskAllows(state)) {
            throw new ConflictException(Phrase.of(
                    "members.refusal.taskState",
                    "state",
                    Phrase.name("members.name.TaskState", state),
                    "action",
                    Phrase.name("members.name.TaskAction", action)));
        }
    }

    private void requireClaim(TaskAction action, Claim claim) {
        if (!TaskTransitions.claimAllows(action, claim.state(), spec.checkInRequired())) {
            throw new ConflictException(Phrase.of(
                    "members.refusal.claimState",
                    "name",
                    claim.memberName(),
                    "state",
                    Phrase.name("members.name.ClaimState", claim.state()),
                    "action",
                    Phrase.name("members.name.TaskAction", action)));
        }
    }

    private Claim claimOf(UUID memberId) {
        var claim = claims.get(memberId);
        if (claim == null) {
            throw new ConflictException(Phrase.of("members.refusal.notClaimed"));
        }
        return claim;
    }

    private int placesTaken() {
        return (int)
                claims.values().stream().filter(c -> c.state().holdsPlace()).count();
    }

    private void step(
            TaskAction action,
            String actor,
            String actorName,
            @Nullable UUID memberId,
            @Nullable String note,
            Instant at) {
        steps.add(new TaskStep(steps.size() + 1, at, action, actor, actorName, memberId, note));
    }

    public int placesLeft() {
        return Math.max(0, spec.places() - placesTaken());
    }

    public TaskId id() {
        return id;
    }

    public Spec spec() {
        return spec;
    }

    public TaskWindow window() {
        return spec.window();
    }

    public String gridId() {
        return spec.gridId();
    }

    public boolean checkInRequired() {
        return spec.checkInRequired();
    }

    public String publisher() {
        return publisher;
    }

    public String publisherName() {
        return publisherName;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public @Nullable FromWhistle whistle() {
        return whistle;
    }

    public TaskState state() {
        return state;
    }

    public long revision() {
        return revision;
    }

    public List<Claim> claims() {
        return List.copyOf(claims.values());
    }

    public Optional<Claim> claim(UUID memberId) {
        return Optional.ofNullable(claims.get(memberId));
    }

    public List<TaskStep> steps() {
        return List.copyOf(steps);
    }

    public List<TaskStep> newSteps() {
        return List.copyOf(steps.subList(storedSteps, steps.size()));
    }

    public List<TaskEvent> events() {
        return List.copyOf(events);
    }
}
