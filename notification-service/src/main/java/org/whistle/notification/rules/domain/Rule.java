package org.whistle.notification.rules.domain;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of the rule table: an event type (or {@code *}) and optionally one of its qualifiers ({@link EventFacts})
 * tell a selection of recipients over some channels with an urgency class.
 */
public record Rule(
        long id,
        String eventType,
        @Nullable String qualifier,
        Selector selector,
        List<ChannelKind> channels,
        UrgencyClass urgency,
        boolean active,
        String description) {

    public static final String ANY_EVENT = "*";

    public Rule {
        Objects.requireNonNull(eventType, "eventType");
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one channel");
        }
    }

    /**
     * Whether what this rule sends is for someone to act on. A rule for every event ({@code *}) keeps live pages
     * current — the centre's dashboard reloads on each event of its whistles — and puts nothing in anyone's feed:
     * messages meant for the reporter or a unit stay with them.
     */
    public boolean forAction() {
        return !ANY_EVENT.equals(eventType);
    }

    public boolean matches(EventFacts facts) {
        return active
                && (ANY_EVENT.equals(eventType) || eventType.equals(facts.eventType()))
                && (qualifier == null || facts.qualifiers().contains(qualifier));
    }
}
