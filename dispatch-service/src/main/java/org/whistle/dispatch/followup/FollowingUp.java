package org.whistle.dispatch.followup;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.whistle.dispatch.ticket.ChangingTickets;
import org.whistle.dispatch.ticket.DispatchProperties;
import org.whistle.dispatch.ticket.EventBatches;
import org.whistle.dispatch.ticket.Tickets;
import org.whistle.dispatch.ticket.domain.FollowUpAnswer;
import org.whistle.events.Actor;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Topics;
import org.whistle.events.WhistleFeedback;
import org.whistle.messaging.inbox.IdempotentHandling;

/**
 * The reporter's answer (回访), their own or recorded by a command centre by phone (电话回访, {@code recordedBy}).
 * The ticket decides ({@link org.whistle.dispatch.ticket.domain.Ticket#followUp}): one answer counts per round;
 * resolved closes a VERIFIED ticket (a RESOLVED one when verified), not resolved reopens it within the reopen window;
 * an answer that does not count is recorded on the timeline as such. The rating is for evaluation.
 */
@Component
class FollowingUp {

    static final String CONSUMER = "dispatch.whistle-feedback";
    private static final Actor FOLLOW_UP = Actor.system("intake-service");
    private static final Logger log = LoggerFactory.getLogger(FollowingUp.class);

    private final EventBatches batches;
    private final IdempotentHandling handling;
    private final ChangingTickets changing;
    private final Tickets tickets;
    private final DispatchProperties properties;

    FollowingUp(
            EventBatches batches,
            IdempotentHandling handling,
            ChangingTickets changing,
            Tickets tickets,
            DispatchProperties properties) {
        this.batches = batches;
        this.handling = handling;
        this.changing = changing;
        this.tickets = tickets;
        this.properties = properties;
    }

    @KafkaListener(
            topics = Topics.WHISTLE_FEEDBACK,
            groupId = "dispatch-service",
            containerFactory = EventBatches.FACTORY)
    void on(List<ConsumerRecord<String, EventEnvelope<?>>> records) {
        batches.handle(records, this::on);
    }

    private void on(EventEnvelope<?> event) {
        handling.handleOnce(CONSUMER, event, WhistleFeedback.class, feedback -> answer(feedback, event.traceId()));
    }

    private void answer(WhistleFeedback feedback, String traceId) {
        var id = feedback.ticketId() != null
                ? feedback.ticketId()
                : tickets.idOfWhistle(feedback.whistleId())
                        .orElseThrow(() -> new IllegalStateException("no ticket for whistle " + feedback.whistleId()));
        var answer = new FollowUpAnswer(
                feedback.rating(), feedback.resolved(), feedback.comment(), feedback.recordedBy(), feedback.at());
        changing.change(id, traceId, (ticket, s, now) -> {
            if (!ticket.followUp(answer, properties.reopenPolicy(), FOLLOW_UP, now)) {
                log.info("follow-up answer on ticket {} ({}) recorded as not counted", id, ticket.state());
            }
        });
    }
}
