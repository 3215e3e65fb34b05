package org.whistle.evaluation.cases.domain;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TicketId;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.WhistleSupervised;

/**
 * Reads the fact a whistle event states about its case, leaving out everything the figures do not need (the
 * description, the reporter's masked phone, comments, evidence, any code).
 */
public final class FactsOfEvents {

    private FactsOfEvents() {}

    /**
     * The clock durations, in seconds by clock kind, that the deadline policies give a category × urgency × level
     * (the routing event does not carry them since its version 2, ADR 0023).
     */
    @FunctionalInterface
    public interface Deadlines {
        Map<String, Long> of(String categoryCode, Urgency urgency, CommandLevel level);
    }

    /** The fact, or empty for an event that says nothing about a case's figures. */
    public static Optional<Fact> of(EventEnvelope<?> event, Deadlines deadlines) {
        var id = event.id();
        var revision = event.revision();
        return Optional.ofNullable(
                switch (event.data()) {
                    case WhistleRaised r ->
                        Fact.of(id, "RAISED", r.channel().name(), r.raisedAt(), revision)
                                .category(r.categoryCode())
                                .place(r.gridId(), r.streetId())
                                .reporterRole(r.reporter().role())
                                .build();
                    case WhistleRouted r ->
                        Fact.of(id, "ROUTED", r.action().name(), r.at(), revision)
                                .ticket(r.ticketId().value(), r.ticketNumber())
                                .category(r.categoryCode())
                                .owner(r.owningCentreId(), r.level().name())
                                .state(r.state().name())
                                .summons(r.summons().stream()
                                        .map(s -> new Fact.Summoned(s.unitId(), s.lead()))
                                        .toList())
                                .extension(
                                        r.extension() == null
                                                ? null
                                                : r.extension().clock().name(),
                                        r.extension() == null
                                                ? 0
                                                : r.extension().extraTime().toSeconds())
                                .deadlines(deadlines.of(r.categoryCode(), r.urgency(), r.level()))
                                .build();
                    case WhistleReported r ->
                        Fact.of(id, "REPORTED", r.report().name(), r.at(), revision)
                                .ticket(r.ticketId().value(), null)
                                .unit(r.unitId(), r.lead())
                                .state(r.ticketState().name())
                                .build();
                    case WhistleClosed c ->
                        Fact.of(id, "CLOSED", c.outcome().name(), c.at(), revision)
                                .ticket(c.ticketId().value(), null)
                                .build();
                    case WhistleEscalated e ->
                        Fact.of(id, "CLOCK", e.kind().name(), e.firedAt(), revision)
                                .ticket(ticket(e.ticketId()), null)
                                .unit(e.unitId(), false)
                                .clock(e.clock().name(), e.clockId(), e.dueAt())
                                .build();
                    case WhistleFeedback f ->
                        Fact.of(id, "FEEDBACK", null, f.at(), revision)
                                .ticket(ticket(f.ticketId()), null)
                                .answer(
                                        f.rating().name(),
                                        f.resolved(),
                                        f.recordedBy() == null
                                                ? null
                                                : Optional.ofNullable(
                                                                f.recordedBy().role())
                                                        .orElse("UNKNOWN"))
                                .build();
                    case WhistleSupervised s ->
                        Fact.of(id, "SUPERVISED", s.kind().name(), s.at(), revision)
                                .ticket(s.ticketId().value(), s.ticketNumber())
                                .unit(s.againstUnitId(), false)
                                .build();
                    default -> null;
                });
    }

    private static @Nullable UUID ticket(@Nullable TicketId id) {
        return id == null ? null : id.value();
    }
}
