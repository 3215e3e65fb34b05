package org.whistle.orgregistry.deadlines;

import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;
import org.whistle.events.ReferenceEvent;
import org.whistle.orgregistry.publishing.ReferenceSource;

/** Hands every deadline policy, retired ones too, to the first-start snapshot. */
@Component
class DeadlineSnapshot implements ReferenceSource {

    private final DeadlinePolicies policies;

    DeadlineSnapshot(DeadlinePolicies policies) {
        this.policies = policies;
    }

    @Override
    public void currentState(BiConsumer<ReferenceEvent, Long> sink) {
        policies.all(true).forEach(policy -> sink.accept(policy.toEvent(), policy.revision()));
    }
}
