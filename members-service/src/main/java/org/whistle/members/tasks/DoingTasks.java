package org.whistle.members.tasks;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.GeoPoint;
import org.whistle.members.access.MembersAccess;
import org.whistle.members.place.Places;
import org.whistle.members.reporting.Memberships;
import org.whistle.members.reporting.domain.Membership;
import org.whistle.members.tasks.domain.Task;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;

/**
 * Tasks as use cases: the branch publishes, members claim, the publisher confirms or declines, members check in on
 * site and finish with evidence, the publisher or the branch approves. Each is one transaction: the task under its
 * revision, its timeline, and its events, which are published in the transaction ({@link ApplicationEventPublisher})
 * so that the points they grant commit or roll back with the approval.
 */
@Service
public class DoingTasks {

    private final Tasks tasks;
    private final Photos photos;
    private final Memberships memberships;
    private final Places places;
    private final MembersAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DoingTasks(
            Tasks tasks,
            Photos photos,
            Memberships memberships,
            Places places,
            MembersAccess access,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tasks = tasks;
        this.photos = photos;
        this.memberships = memberships;
        this.places = places;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** 发布: the branch of the task's grid publishes it; the compound is the grid's. */
    @Transactional
    public Task publish(Caller caller, Task.Spec spec, Task.@Nullable FromWhistle whistle) {
        if (!places.isActive(spec.gridId(), Places.GRID)) {
            throw InvalidInputException.of("gridId", Phrase.of("members.refusal.noSuchGrid"));
        }
        access.requireManager(caller, spec.gridId());
        var handlingUnit = handlingUnit(caller, spec.compoundId());
        var task = Task.publish(
                spec,
                caller.subject(),
                nameOf(caller),
                whistle == null ? null : whistle.handledBy(handlingUnit),
                clock.instant());
        tasks.save(task);
        task.events().forEach(events::publishEvent);
        events.publishEvent(new TaskPublished(task, caller.actor(), handlingUnit));
        return task;
    }

    /**
     * The task, as published, for events that need its whole shape.
     *
     * @param handlingUnit the unit answering for the compound, which dispatch summons for a task made from a whistle
     */
    public record TaskPublished(
            Task task,
            org.whistle.events.Actor publisher,
            @Nullable String handlingUnit) {}

    /** The publisher's own unit, else the compound's owners' committee, else its community's residents' committee. */
    private @Nullable String handlingUnit(Caller caller, String compoundId) {
        if (caller.unit() != null) {
            return caller.unit();
        }
        return places.answeringFor(compoundId, "OWNERS_COMMITTEE")
                .or(() -> places.communityOf(compoundId).flatMap(c -> places.answeringFor(c, "COMMUNITY_COMMITTEE")))
                .orElse(null);
    }

    @Transactional
    public Task claim(Caller caller, UUID taskId) {
        var member = confirmedMember(caller);
        return change(
                taskId, task -> task.claim(member.id().value(), member.profile().name(), clock.instant()));
    }

    @Transactional
    public Task withdraw(Caller caller, UUID taskId) {
        var member = member(caller);
        return change(taskId, task -> task.withdraw(member.id().value(), clock.instant()));
    }

    @Transactional
    public Task confirm(Caller caller, UUID taskId, UUID memberId) {
        return change(taskId, task -> {
            requirePublisherOrBranch(caller, task);
            task.confirm(memberId, caller.subject(), nameOf(caller), clock.instant());
        });
    }

    @Transactional
    public Task decline(Caller caller, UUID taskId, UUID memberId, String reason) {
        return change(taskId, task -> {
            requirePublisherOrBranch(caller, task);
            task.decline(memberId, reason, caller.subject(), nameOf(caller), clock.instant());
        });
    }

    /**
     * 签到 with the position the phone gives, already in WGS-84, and a photo: the point must lie in the task's grid
     * (the same lookup intake uses to place a whistle) and the time in its window.
     */
    @Transactional
    public Task checkIn(Caller caller, UUID taskId, GeoPoint position, @Nullable String photoBase64) {
        return checkIn(caller, taskId, position, decode(photoBase64));
    }

    /** 签到 with the photo as a file (the phone page sends multipart, as intake's whistle form does). */
    @Transactional
    public Task checkIn(Caller caller, UUID taskId, GeoPoint position, byte @Nullable [] photoBytes) {
        var member = member(caller);
        var now = clock.instant();
        return change(taskId, task -> {
            var located = places.gridAt(position);
            var photo = photos.store("photo", photoBytes, taskId, member.id().value(), now);
            task.checkIn(
                    member.id().value(),
                    position.lat(),
                    position.lng(),
                    located,
                    places.name(task.gridId()),
                    photo,
                    now);
        });
    }

    @Transactional
    public Task finish(Caller caller, UUID taskId, String evidence, @Nullable String photoBase64, BigDecimal hours) {
        return finish(caller, taskId, evidence, decode(photoBase64), hours);
    }

    /** 完成 with the evidence photo as a file. */
    @Transactional
    public Task finish(Caller caller, UUID taskId, String evidence, byte @Nullable [] photoBytes, BigDecimal hours) {
        var member = member(caller);
        var now = clock.instant();
        return change(taskId, task -> {
            var photo = photos.store("photo", photoBytes, taskId, member.id().value(), now);
            task.finish(member.id().value(), evidence, photo, hours, now);
        });
    }

    /** 审核: the publisher or the compound's branch; a second approval of the same claim is refused. */
    @Transactional
    public Task approve(Caller caller, UUID taskId, UUID memberId) {
        return change(taskId, task -> {
            requirePublisherOrBranch(caller, task);
            task.approve(memberId, caller.subject(), nameOf(caller), clock.instant());
        });
    }

    @Transactional
    public Task noShow(Caller caller, UUID taskId, UUID memberId) {
        return change(taskId, task -> {
            requirePublisherOrBranch(caller, task);
            task.noShow(memberId, caller.subject(), nameOf(caller), clock.instant());
        });
    }

    @Transactional
    public Task cancel(Caller caller, UUID taskId, String reason) {
        return change(taskId, task -> {
            requirePublisherOrBranch(caller, task);
            task.cancel(reason, caller.subject(), nameOf(caller), clock.instant());
        });
    }

    /** Open tasks for a member: their compound's, or those of the compound asked for. */
    @Transactional(readOnly = true)
    public List<Task> open(Caller caller, @Nullable String compoundId) {
        String compound = compoundId;
        if (compound == null) {
            compound = memberships
                    .bySubject(caller.subject())
                    .map(Membership::compoundId)
                    .orElse(null);
        }
        if (compound == null) {
            return List.of();
        }
        return tasks.open(List.of(compound), clock.instant(), 100);
    }

    @Transactional(readOnly = true)
    public List<Task> ofCompound(Caller caller, String compoundId) {
        access.requireManager(caller, compoundId);
        return tasks.ofCompound(compoundId, 200);
    }

    @Transactional(readOnly = true)
    public List<Task> mine(Caller caller) {
        return memberships
                .bySubject(caller.subject())
                .map(m -> tasks.claimedBy(m.id().value(), 100))
                .orElse(List.of());
    }

    @Transactional(readOnly = true)
    public Task task(UUID taskId) {
        return tasks.byId(taskId).orElseThrow(() -> new NotFoundException("task", taskId.toString()));
    }

    /** Whether the caller published the task or manages its compound: they see every claim and photo. */
    public boolean handles(Caller caller, Task task) {
        return task.publisher().equals(caller.subject()) || access.manages(caller, task.gridId());
    }

    public Optional<UUID> memberId(Caller caller) {
        return memberships.bySubject(caller.subject()).map(m -> m.id().value());
    }

    @Transactional(readOnly = true)
    public Photos.Photo photo(Caller caller, UUID taskId, UUID photoId) {
        var photo = photos.byId(photoId)
                .filter(p -> p.taskId().equals(taskId))
                .orElseThrow(() -> new NotFoundException("photo", photoId.toString()));
        var own = memberId(caller).filter(photo.memberId()::equals).isPresent();
        if (!own && !handles(caller, task(taskId))) {
            throw new AccessRefusedException(Phrase.of("members.refusal.photoViewers"));
        }
        return photo;
    }

    private static byte @Nullable [] decode(@Nullable String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        if (base64.length() > Photos.MAX_BYTES / 3 * 4 + 8) {
            throw InvalidInputException.of("photo", Phrase.of("members.refusal.photoTooLarge"));
        }
        try {
            return java.util.Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("photo", Phrase.of("members.refusal.photoUnreadable"));
        }
    }

    private interface Change {
        void apply(Task task);
    }

    private Task change(UUID taskId, Change change) {
        var task = task(taskId);
        change.apply(task);
        tasks.save(task);
        task.events().forEach(events::publishEvent);
        return task;
    }

    private void requirePublisherOrBranch(Caller caller, Task task) {
        if (!handles(caller, task)) {
            throw new AccessRefusedException(Phrase.of("members.refusal.taskHandlers"));
        }
    }

    private Membership member(Caller caller) {
        return memberships
                .bySubject(caller.subject())
                .orElseThrow(() -> new ConflictException(Phrase.of("members.refusal.reportInFirst")));
    }

    private Membership confirmedMember(Caller caller) {
        var member = member(caller);
        if (!member.isConfirmed()) {
            throw new ConflictException(Phrase.of("members.refusal.notConfirmed"));
        }
        return member;
    }

    static String nameOf(Caller caller) {
        return caller.name() == null ? "工作人员" : caller.name();
    }
}
