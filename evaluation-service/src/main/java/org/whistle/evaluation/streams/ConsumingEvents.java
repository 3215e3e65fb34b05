package org.whistle.evaluation.streams;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.whistle.evaluation.cases.CaseStore;
import org.whistle.evaluation.cases.domain.FactsOfEvents;
import org.whistle.evaluation.organisation.Organisation;
import org.whistle.events.CategoryChanged;
import org.whistle.events.EventEnvelope;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.Topics;
import org.whistle.events.WhistleEvent;
import org.whistle.messaging.inbox.IdempotentHandling;

/**
 * Consumes every case event and the organisation: each event is recorded as handled in the transaction that applies
 * it, so a redelivery changes nothing, and a case is folded again from all its facts, so order does not matter.
 */
@Component
class ConsumingEvents {

    static final String CONSUMER = "evaluation-service";

    private final IdempotentHandling handling;
    private final CaseStore cases;
    private final Organisation organisation;
    private final java.util.List<CaseListener> listeners;

    ConsumingEvents(
            IdempotentHandling handling,
            CaseStore cases,
            Organisation organisation,
            java.util.List<CaseListener> listeners) {
        this.handling = handling;
        this.cases = cases;
        this.organisation = organisation;
        this.listeners = listeners;
    }

    @KafkaListener(
            id = "evaluation-events",
            groupId = CONSUMER,
            topics = {
                Topics.WHISTLE_RAISED,
                Topics.WHISTLE_ROUTED,
                Topics.WHISTLE_REPORTED,
                Topics.WHISTLE_CLOSED,
                Topics.WHISTLE_ESCALATED,
                Topics.WHISTLE_FEEDBACK,
                Topics.ORG_UNITS,
                Topics.ORG_CATEGORIES
            })
    void on(EventEnvelope<?> event) {
        switch (event.data()) {
            case OrgUnitChanged unit ->
                handling.handleOnce(CONSUMER, event, () -> organisation.apply(unit, event.revision()));
            case CategoryChanged category ->
                handling.handleOnce(CONSUMER, event, () -> organisation.apply(category, event.revision()));
            case WhistleEvent whistle ->
                FactsOfEvents.of(event)
                        .ifPresent(fact -> handling.handleOnce(CONSUMER, event, () -> {
                            var change = cases.record(whistle.whistleId().value(), fact);
                            listeners.forEach(listener -> listener.changed(change.before(), change.after(), event));
                        }));
            default -> {
                // other reference data (routing rules, calendars, policies) does not enter the figures
            }
        }
    }
}
