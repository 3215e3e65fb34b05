package org.whistle.dispatch.raising;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.whistle.dispatch.ticket.ChangingTickets;
import org.whistle.dispatch.ticket.EventBatches;
import org.whistle.dispatch.ticket.OrgLookups;
import org.whistle.dispatch.ticket.Placement;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Topics;
import org.whistle.events.WhistleRaised;
import org.whistle.messaging.inbox.IdempotentHandling;

/**
 * Makes exactly one ticket per raised whistle, however often it is delivered: the event id is handled once, and a
 * whistle that already has a ticket (a republished event with a new id) gets no second one. The owner is the street
 * command centre of the whistle's grid; without one, the district's centre (兜底), or the city's as a last resort.
 */
@Component
class RaisingTickets {

    static final String CONSUMER = "dispatch.whistle-raised";
    private static final Logger log = LoggerFactory.getLogger(RaisingTickets.class);

    private final EventBatches batches;
    private final IdempotentHandling handling;
    private final ChangingTickets changing;
    private final OrgLookups org;

    RaisingTickets(EventBatches batches, IdempotentHandling handling, ChangingTickets changing, OrgLookups org) {
        this.batches = batches;
        this.handling = handling;
        this.changing = changing;
        this.org = org;
    }

    @KafkaListener(
            topics = Topics.WHISTLE_RAISED,
            groupId = "dispatch-service",
            containerFactory = EventBatches.FACTORY)
    void on(List<ConsumerRecord<String, EventEnvelope<?>>> records) {
        batches.handle(records, this::on);
    }

    private void on(EventEnvelope<?> event) {
        handling.handleOnce(CONSUMER, event, WhistleRaised.class, whistle -> raise(whistle, event.traceId()));
    }

    private void raise(WhistleRaised whistle, String traceId) {
        var node = org.nodeOf(whistle.gridId(), whistle.streetId());
        var street = whistle.gridId() != null || whistle.streetId() != null
                ? org.centreFor(node, CommandLevel.STREET).orElse(null)
                : null;
        var district = org.centreFor(node, CommandLevel.DISTRICT);
        var fallbackLevel = district.isPresent() ? CommandLevel.DISTRICT : CommandLevel.CITY;
        var fallback = district.or(() -> org.centreFor(node, CommandLevel.CITY))
                .or(() -> org.centreFor(org.cityNode(), CommandLevel.CITY))
                // Retried, then dead-lettered: the organisation copy may still be catching up.
                .orElseThrow(() -> new IllegalStateException("no command centre answers for " + node));
        var placement = new Placement(
                whistle.gridId(),
                whistle.streetId(),
                org.pathOf(node),
                whistle.location().point());
        if (changing.raise(whistle, placement, street, fallback, fallbackLevel, traceId)) {
            log.info(
                    "whistle {} became a ticket at {}",
                    whistle.whistleId(),
                    street != null ? street : fallback + " (兜底)");
        } else {
            log.info("whistle {} already has a ticket; delivery ignored", whistle.whistleId());
        }
    }
}
