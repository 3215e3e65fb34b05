package org.whistle.dispatch.followup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.whistle.dispatch.ticket.ChangingTickets;
import org.whistle.dispatch.ticket.DispatchProperties;
import org.whistle.dispatch.ticket.Tickets;
import org.whistle.dispatch.ticket.domain.Decision;
import org.whistle.dispatch.ticket.domain.TicketSnapshot;
import org.whistle.events.Actor;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TicketState;
import org.whistle.events.Topics;
import org.whistle.events.WhistleClosed.Outcome;
import org.whistle.events.WhistleFeedback;
import org.whistle.messaging.deadletter.PoisonEventException;
import org.whistle.messaging.inbox.IdempotentHandling;

/**
 * The reporter's answer (回访). Resolved: a VERIFIED ticket closes as RESOLVED; a RESOLVED one remembers the answer
 * and closes when the centre verifies it. The rating does not change that, it is for evaluation. Not resolved
 * ("not fixed"): the ticket goes back to rework at the same level, counted against the lead unit, while
 * {@link org.whistle.dispatch.ticket.domain.ReopenPolicy} allows; later answers are recorded in the log only.
 */
@Component
class FollowingUp {

    static final String CONSUMER = "dispatch.whistle-feedback";
    private static final Actor FOLLOW_UP = Actor.system("intake-service");
    private static final Logger log = LoggerFactory.getLogger(FollowingUp.class);

    private final IdempotentHandling handling;
    private final ChangingTickets changing;
    private final Tickets tickets;
    private final DispatchProperties properties;

    FollowingUp(IdempotentHandling handling, ChangingTickets changing, Tickets tickets, DispatchProperties properties) {
        this.handling = handling;
        this.changing = changing;
        this.tickets = tickets;
        this.properties = properties;
    }

    @KafkaListener(topics = Topics.WHISTLE_FEEDBACK, groupId = "dispatch-service")
    void on(EventEnvelope<?> event) {
        if (!(event.data() instanceof WhistleFeedback feedback)) {
            throw new PoisonEventException("not a whistle-feedback event: " + event.type());
        }
        handling.handleOnce(CONSUMER, event, () -> answer(feedback, event.traceId()));
    }

    private void answer(WhistleFeedback feedback, String traceId) {
        var id = feedback.ticketId() != null
                ? feedback.ticketId()
                : tickets.idOfWhistle(feedback.whistleId())
                        .orElseThrow(() -> new IllegalStateException("no ticket for whistle " + feedback.whistleId()));
        var stored = tickets.find(id).orElseThrow(() -> new IllegalStateException("no ticket " + id));
        var state = stored.snapshot().state();
        if (feedback.resolved()) {
            switch (state) {
                case VERIFIED ->
                    changing.change(id, traceId, (ticket, s, now) -> ticket.close(Outcome.RESOLVED, FOLLOW_UP, now));
                case RESOLVED -> changing.rememberSatisfied(id, feedback.at());
                default -> log.info("feedback 'resolved' on ticket {} that is {}: recorded only", id, state);
            }
            return;
        }
        if (properties.reopenPolicy().check(state, closedAt(stored.snapshot()), feedback.at())
                instanceof Decision.Rejected(var field, var reason)) {
            log.info("feedback 'not fixed' on ticket {} that is {} does not reopen it: {}", id, state, reason);
            return;
        }
        var why = "reporter: not fixed" + (feedback.comment() == null ? "" : " — " + feedback.comment());
        changing.change(id, traceId, (ticket, s, now) -> ticket.reopen(why, properties.reopenPolicy(), FOLLOW_UP, now));
    }

    private static java.time.@org.jspecify.annotations.Nullable Instant closedAt(TicketSnapshot snapshot) {
        return snapshot.state() == TicketState.CLOSED ? snapshot.closedAt() : null;
    }
}
