package org.whistle.dispatch.supervision;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.whistle.dispatch.ticket.ChangingTickets;
import org.whistle.dispatch.ticket.EventBatches;
import org.whistle.dispatch.ticket.OrgLookups;
import org.whistle.dispatch.ticket.Tickets;
import org.whistle.dispatch.ticket.domain.AutoClosePolicy;
import org.whistle.dispatch.ticket.domain.ClockCurrencyPolicy;
import org.whistle.dispatch.ticket.domain.Decision;
import org.whistle.events.Actor;
import org.whistle.events.ClockKind;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Topics;
import org.whistle.events.WhistleEscalated;
import org.whistle.messaging.inbox.IdempotentHandling;
import org.whistle.orgreference.domain.routing.UnitCode;

/**
 * Acts on expired clocks from sla-service. An expired follow-up closes a verified ticket as no answer
 * ({@link AutoClosePolicy}); any other expiry that is still current ({@link ClockCurrencyPolicy}) raises the ticket
 * one level to the centre above, with a supervision order (督办) against the late unit, or red-lists it at city level.
 * Warnings change nothing here.
 */
@Component
class EscalatingTickets {

    static final String CONSUMER = "dispatch.whistle-escalated";
    private static final Actor SLA = Actor.system("sla-service");
    private static final Logger log = LoggerFactory.getLogger(EscalatingTickets.class);

    private final EventBatches batches;
    private final IdempotentHandling handling;
    private final ChangingTickets changing;
    private final Tickets tickets;
    private final OrgLookups org;

    EscalatingTickets(
            EventBatches batches,
            IdempotentHandling handling,
            ChangingTickets changing,
            Tickets tickets,
            OrgLookups org) {
        this.batches = batches;
        this.handling = handling;
        this.changing = changing;
        this.tickets = tickets;
        this.org = org;
    }

    @KafkaListener(
            topics = Topics.WHISTLE_ESCALATED,
            groupId = "dispatch-service",
            containerFactory = EventBatches.FACTORY)
    void on(List<ConsumerRecord<String, EventEnvelope<?>>> records) {
        batches.handle(records, this::on);
    }

    private void on(EventEnvelope<?> event) {
        if (event.data() instanceof WhistleEscalated warning && warning.kind() != WhistleEscalated.Kind.ESCALATION) {
            return;
        }
        handling.handleOnce(CONSUMER, event, WhistleEscalated.class, escalated -> escalate(escalated, event.traceId()));
    }

    private void escalate(WhistleEscalated escalated, String traceId) {
        // Before filing, sla-service has seen no ticket id and names only the whistle.
        var named = escalated.ticketId();
        var id = (named != null ? tickets.find(named).map(stored -> named) : tickets.idOfWhistle(escalated.whistleId()))
                .orElseThrow(() -> new IllegalStateException(
                        // Retried, then dead-lettered: the ticket may not be stored yet, or never was.
                        "no ticket of whistle " + escalated.whistleId() + " for the escalation of "
                                + escalated.clockId()));
        changing.change(id, traceId, (ticket, stored, now) -> {
            if (escalated.clock() == ClockKind.FOLLOW_UP) {
                switch (AutoClosePolicy.onExpiry(escalated.clock(), ticket.state())) {
                    case AutoClosePolicy.Verdict.Close(var outcome) -> ticket.close(outcome, SLA, now);
                    case AutoClosePolicy.Verdict.Leave(var reason) ->
                        log.info("follow-up expiry on ticket {} left alone: {}", id, reason);
                }
                return;
            }
            var lateUnit = escalated.unitId() == null ? null : UnitCode.of(escalated.unitId());
            if (ClockCurrencyPolicy.check(ticket, escalated.clock(), lateUnit, escalated.fromLevel())
                    instanceof Decision.Rejected(var field, var reason)) {
                log.info("escalation {} of ticket {} ignored: {}", escalated.clockId(), id, reason);
                return;
            }
            var above = ticket.level()
                    .above()
                    .map(level -> org.centreAt(ticket.owningCentre(), level)
                            .orElseThrow(() -> new IllegalStateException(
                                    "no " + level + " command centre above " + ticket.owningCentre())))
                    .orElse(null);
            ticket.raiseLevel(
                    escalated.clock(),
                    lateUnit != null && ticket.task(lateUnit).isPresent() ? lateUnit : null,
                    above,
                    SLA,
                    now);
        });
    }
}
