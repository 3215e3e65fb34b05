package org.whistle.orgregistry.routing;

import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;
import org.whistle.events.ReferenceEvent;
import org.whistle.orgregistry.publishing.ReferenceSource;

/** Hands every routing rule, retired ones too, to the first-start snapshot. */
@Component
class RoutingSnapshot implements ReferenceSource {

    private final RoutingRules rules;

    RoutingSnapshot(RoutingRules rules) {
        this.rules = rules;
    }

    @Override
    public void currentState(BiConsumer<ReferenceEvent, Long> sink) {
        rules.all().forEach(rule -> sink.accept(rule.toEvent(), rule.revision()));
    }
}
