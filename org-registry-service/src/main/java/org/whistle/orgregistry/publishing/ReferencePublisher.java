package org.whistle.orgregistry.publishing;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.EventEnvelope;
import org.whistle.events.ReferenceEvent;
import org.whistle.events.TraceIds;
import org.whistle.messaging.outbox.Outbox;

/**
 * Appends the current state of one reference entity to the outbox in the caller's transaction, so the topic
 * carries the change exactly when the database does. The revision lets consumers drop older states that arrive
 * late.
 */
@Component
public class ReferencePublisher {

    private final Outbox outbox;
    private final Clock clock;
    private final String producer;

    ReferencePublisher(Outbox outbox, Clock clock, @Value("${spring.application.name}") String producer) {
        this.outbox = outbox;
        this.clock = clock;
        this.producer = producer;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(ReferenceEvent state, long revision) {
        outbox.append(EventEnvelope.wrap(state, revision, producer, TraceIds.newTraceId(), clock));
    }
}
