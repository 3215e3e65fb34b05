package org.whistle.members.participation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.Actor;
import org.whistle.events.CommunityTaskCompleted;
import org.whistle.events.CommunityTaskPublished;
import org.whistle.events.EventData;
import org.whistle.events.EventEnvelope;
import org.whistle.events.EvidenceRef;
import org.whistle.events.MemberReported;
import org.whistle.events.MemberTaskDone;
import org.whistle.events.TicketId;
import org.whistle.events.TraceIds;
import org.whistle.events.WhistleId;
import org.whistle.members.reporting.Memberships;
import org.whistle.members.reporting.ReportingIn;
import org.whistle.members.tasks.DoingTasks;
import org.whistle.members.tasks.Photos;
import org.whistle.members.tasks.Tasks;
import org.whistle.members.tasks.domain.ClaimState;
import org.whistle.members.tasks.domain.TaskEvent;
import org.whistle.messaging.outbox.Outbox;

/**
 * Puts members-service's events into the outbox in the transaction of the change behind them: a task published or
 * completed ({@code community-tasks}), a member's report-in confirmed and a member's work approved
 * ({@code member-participation}, the figures the evaluation service counts). Ids and facts only: no names, phones or
 * addresses.
 */
@Component
class MembersEventsOut {

    static final String PRODUCER = "members-service";

    private final Outbox outbox;
    private final Tasks tasks;
    private final Photos photos;
    private final Memberships memberships;
    private final Clock clock;

    MembersEventsOut(Outbox outbox, Tasks tasks, Photos photos, Memberships memberships, Clock clock) {
        this.outbox = outbox;
        this.tasks = tasks;
        this.photos = photos;
        this.memberships = memberships;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void published(DoingTasks.TaskPublished published) {
        var task = published.task();
        var spec = task.spec();
        var whistle = task.whistle();
        append(
                new CommunityTaskPublished(
                        task.id().value(),
                        spec.kind().name(),
                        spec.title(),
                        spec.compoundId(),
                        spec.gridId(),
                        spec.points(),
                        spec.places(),
                        spec.window().startsAt(),
                        spec.window().endsAt(),
                        whistle == null ? null : new WhistleId(whistle.whistleId()),
                        whistle == null || whistle.ticketId() == null ? null : new TicketId(whistle.ticketId()),
                        whistle == null ? null : published.handlingUnit(),
                        published.publisher(),
                        task.publishedAt()),
                1);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void completed(TaskEvent.TaskCompleted completed) {
        var task = tasks.byId(completed.task().value()).orElseThrow();
        var spec = task.spec();
        var whistle = task.whistle();
        var evidence = task.claims().stream()
                .filter(c -> c.state() == ClaimState.APPROVED)
                .map(c -> c.evidencePhoto() != null ? c.evidencePhoto() : c.checkInPhoto())
                .filter(Objects::nonNull)
                .limit(10)
                .map(this::evidence)
                .toList();
        append(
                new CommunityTaskCompleted(
                        task.id().value(),
                        spec.title(),
                        spec.compoundId(),
                        spec.gridId(),
                        completed.approvedClaims(),
                        completed.hours().doubleValue(),
                        whistle == null ? null : new WhistleId(whistle.whistleId()),
                        whistle == null || whistle.ticketId() == null ? null : new TicketId(whistle.ticketId()),
                        evidence,
                        new Actor(completed.approver(), null, null),
                        completed.at(),
                        whistle == null ? null : whistle.handlingUnit()),
                task.revision());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void approved(TaskEvent.ClaimApproved approved) {
        var task = tasks.byId(approved.task().value()).orElseThrow();
        var member = memberships.byId(approved.memberId()).orElseThrow();
        append(
                new MemberTaskDone(
                        approved.memberId(),
                        approved.task().value(),
                        task.spec().kind().name(),
                        task.spec().compoundId(),
                        task.spec().gridId(),
                        member.profile().workplaceId(),
                        approved.hours().doubleValue(),
                        approved.points(),
                        approved.at()),
                task.revision());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void confirmed(ReportingIn.MembershipConfirmed confirmed) {
        var member = confirmed.membership();
        append(
                new MemberReported(
                        member.id().value(),
                        member.profile().kind().name(),
                        member.compoundId(),
                        Objects.requireNonNull(member.gridId()),
                        member.profile().workplaceId(),
                        Objects.requireNonNull(member.confirmedAt())),
                member.revision() + 1);
    }

    private EvidenceRef evidence(UUID photoId) {
        var photo = photos.byId(photoId).orElseThrow();
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(photo.bytes());
            return new EvidenceRef(
                    "members-photo:" + photoId,
                    photo.contentType(),
                    HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void append(EventData data, long revision) {
        outbox.append(EventEnvelope.wrap(data, revision, PRODUCER, TraceIds.newTraceId(), clock));
    }
}
