package org.whistle.evaluation.streams;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.whistle.evaluation.cases.CaseStore;
import org.whistle.evaluation.cases.domain.FactsOfEvents;
import org.whistle.evaluation.organisation.Organisation;
import org.whistle.events.CategoryChanged;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventEnvelope;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.Topics;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleEvent;
import org.whistle.messaging.inbox.IdempotentHandling;
import org.whistle.orgreference.copy.OrgReferenceCopy;

/**
 * Consumes every case event and the organisation: each event is recorded as handled in the transaction that applies
 * it, so a redelivery changes nothing, and a case is folded again from all its facts, so order does not matter.
 * A poll's events are folded in one transaction ({@link EventBatches}).
 */
@Component
class ConsumingEvents {

    /**
     * The consumer, as Kafka's group and as the handled-event table know it. A rebuild runs with a fresh database
     * and a group of its own ({@code whistle.evaluation.consumer-group}), so it reads the topics from the beginning.
     */
    private final String consumer;

    private final IdempotentHandling handling;
    private final CaseStore cases;
    private final Organisation organisation;
    private final java.util.List<CaseListener> listeners;
    private final OrgReferenceCopy reference;
    private final EventBatches batches;

    ConsumingEvents(
            EventBatches batches,
            IdempotentHandling handling,
            CaseStore cases,
            Organisation organisation,
            java.util.List<CaseListener> listeners,
            OrgReferenceCopy reference,
            @org.springframework.beans.factory.annotation.Value(
                            "${whistle.evaluation.consumer-group:evaluation-service}")
                    String consumer) {
        this.batches = batches;
        this.consumer = consumer;
        this.handling = handling;
        this.cases = cases;
        this.organisation = organisation;
        this.listeners = listeners;
        this.reference = reference;
    }

    /**
     * The durations the deadline policy in force gives a routed case, from this service's copy of {@code org-rules}:
     * they place a case whose clock stopped before sla-service warned of it (its due time is then estimated).
     */
    private Map<String, Long> deadlines(String categoryCode, Urgency urgency, CommandLevel level) {
        var seconds = new LinkedHashMap<String, Long>();
        reference
                .deadlinePolicy(categoryCode, urgency, level)
                .ifPresent(match -> match.policy()
                        .durations()
                        .forEach((kind, duration) -> seconds.put(kind.name(), duration.toSeconds())));
        return seconds;
    }

    @KafkaListener(
            id = "evaluation-events",
            groupId = "${whistle.evaluation.consumer-group:evaluation-service}",
            topics = {
                Topics.WHISTLE_RAISED,
                Topics.WHISTLE_ROUTED,
                Topics.WHISTLE_REPORTED,
                Topics.WHISTLE_CLOSED,
                Topics.WHISTLE_ESCALATED,
                Topics.WHISTLE_FEEDBACK,
                Topics.ORG_UNITS,
                Topics.ORG_CATEGORIES
            },
            containerFactory = EventBatches.FACTORY)
    void on(java.util.List<org.apache.kafka.clients.consumer.ConsumerRecord<String, EventEnvelope<?>>> records) {
        batches.handle(records, this::on);
    }

    private void on(EventEnvelope<?> event) {
        switch (event.data()) {
            case OrgUnitChanged unit ->
                handling.handleOnce(consumer, event, () -> organisation.apply(unit, event.revision()));
            case CategoryChanged category ->
                handling.handleOnce(consumer, event, () -> organisation.apply(category, event.revision()));
            case WhistleEvent whistle ->
                FactsOfEvents.of(event, this::deadlines)
                        .ifPresent(fact -> handling.handleOnce(consumer, event, () -> {
                            var change = cases.record(whistle.whistleId().value(), fact);
                            listeners.forEach(listener -> listener.changed(change.before(), change.after(), event));
                        }));
            default -> {
                // other reference data (routing rules, calendars, policies) does not enter the figures
            }
        }
    }
}
