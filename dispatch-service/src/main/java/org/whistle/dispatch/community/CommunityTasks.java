package org.whistle.dispatch.community;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.whistle.dispatch.ticket.ChangingTickets;
import org.whistle.dispatch.ticket.EventBatches;
import org.whistle.dispatch.ticket.Tickets;
import org.whistle.events.CommunityTaskCompleted;
import org.whistle.events.CommunityTaskPublished;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TaskState;
import org.whistle.events.TicketState;
import org.whistle.events.Topics;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleId;
import org.whistle.messaging.deadletter.PoisonEventException;
import org.whistle.messaging.inbox.IdempotentHandling;
import org.whistle.orgreference.domain.routing.UnitCode;

/**
 * A small whistle the community handles itself (ADR 0026). When members-service turns it into a community task, the
 * ticket records that through its own transitions: filed if still RAISED, the compound's unit summoned as lead and
 * reported in. When the task is completed (the branch approved the members' work), that unit reports done with the
 * members' evidence, and — the branch's approval being the check — the ticket is verified and closed as RESOLVED, so
 * the reporter gets the answer every whistle gets (whistle-reported, whistle-closed). A ticket that has moved on
 * (departments already lead it, or it was closed meanwhile) keeps its course: the community unit's part is recorded
 * where the ticket's table allows it, nothing is forced.
 */
@Component
class CommunityTasks {

    static final String CONSUMER = "dispatch.community-tasks";
    private static final Logger log = LoggerFactory.getLogger(CommunityTasks.class);
    private static final EnumSet<TicketState> TAKES_A_SUMMONS =
            EnumSet.of(TicketState.RAISED, TicketState.FILED, TicketState.RETURNED);

    private final EventBatches batches;
    private final IdempotentHandling handling;
    private final ChangingTickets changing;
    private final Tickets tickets;

    CommunityTasks(EventBatches batches, IdempotentHandling handling, ChangingTickets changing, Tickets tickets) {
        this.batches = batches;
        this.handling = handling;
        this.changing = changing;
        this.tickets = tickets;
    }

    @KafkaListener(
            topics = Topics.COMMUNITY_TASKS,
            groupId = "dispatch-service",
            containerFactory = EventBatches.FACTORY)
    void on(List<ConsumerRecord<String, EventEnvelope<?>>> records) {
        batches.handle(records, this::on);
    }

    private void on(EventEnvelope<?> event) {
        switch (event.data()) {
            case CommunityTaskPublished published
            when published.whistleId() != null ->
                handling.handleOnce(CONSUMER, event, () -> taken(published, published.whistleId(), event.traceId()));
            case CommunityTaskCompleted completed
            when completed.whistleId() != null ->
                handling.handleOnce(CONSUMER, event, () -> answered(completed, completed.whistleId(), event.traceId()));
            case CommunityTaskPublished published -> {}
            case CommunityTaskCompleted completed -> {}
            default -> throw new PoisonEventException("not a community-task event: " + event.type());
        }
    }

    private void taken(CommunityTaskPublished task, WhistleId whistle, String traceId) {
        if (task.handlingUnit() == null) {
            log.warn(
                    "community task {} names no handling unit; ticket of whistle {} left as it is",
                    task.taskId(),
                    whistle);
            return;
        }
        var unit = new UnitCode(task.handlingUnit());
        changing.change(ticketOf(whistle), traceId, (ticket, stored, now) -> {
            if (!TAKES_A_SUMMONS.contains(ticket.state())) {
                log.info(
                        "ticket {} is {}: community task {} recorded by members-service only",
                        ticket.id(),
                        ticket.state(),
                        task.taskId());
                return;
            }
            if (ticket.state() == TicketState.RAISED) {
                ticket.file(task.publisher(), now);
            }
            ticket.summon(unit, List.of(unit), task.publisher(), now);
            ticket.reportIn(unit, task.publisher(), now);
        });
    }

    private void answered(CommunityTaskCompleted task, WhistleId whistle, String traceId) {
        changing.change(ticketOf(whistle), traceId, (ticket, stored, now) -> {
            // The unit the task was taken on for reports done — not whoever leads now: a dispatcher may have put a
            // department in its place, whose work the community's completion says nothing about. Events from before
            // handlingUnit was added name none; for them the current lead is the unit, as it always was.
            var unit = task.handlingUnit() != null
                    ? Optional.of(new UnitCode(task.handlingUnit()))
                    : ticket.currentLead().map(org.whistle.dispatch.ticket.domain.Task::unit);
            var its = unit.flatMap(ticket::task);
            if (ticket.state() != TicketState.IN_PROGRESS
                    || its.isEmpty()
                    || !EnumSet.of(TaskState.REPORTED_IN, TaskState.ON_SITE)
                            .contains(its.get().state())) {
                log.info(
                        "ticket {} is {} and unit {} holds no task in hand: completion of community task {} not applied",
                        ticket.id(),
                        ticket.state(),
                        unit.map(UnitCode::value).orElse("-"),
                        task.taskId());
                return;
            }
            var note = "社区任务“" + task.title() + "”已完成：" + task.membersApproved() + " 名党员、志愿者服务 "
                    + String.format(Locale.ROOT, "%.1f", task.hours()) + " 小时，经小区党支部审核通过";
            ticket.done(its.get().unit(), note, task.evidence(), task.approver(), now);
            if (!its.get().lead()) {
                // the community helped a department that still leads: its part is recorded, the lead closes the ticket
                return;
            }
            ticket.verify("小区党支部已审核社区任务", List.of(), task.approver(), now);
            ticket.close(WhistleClosed.Outcome.RESOLVED, task.approver(), now);
        });
    }

    private org.whistle.events.TicketId ticketOf(WhistleId whistle) {
        // The ticket is made from whistle-raised on another topic; until it exists the event is retried.
        return tickets.idOfWhistle(whistle)
                .orElseThrow(() -> new IllegalStateException("no ticket yet for whistle " + whistle));
    }
}
