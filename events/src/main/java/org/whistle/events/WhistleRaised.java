package org.whistle.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A whistle was raised (吹哨) and accepted by intake. Grid and street are resolved from the location when it lies
 * inside a grid; dispatch files it with the street command centre or, without one, the district (兜底). Never carries
 * the reporter's tracking code: that is the reporter's secret (v2, ADR 0018); a service that must put it into a
 * message to the reporter asks intake for it ({@code GET /internal/whistles/{id}/contact}).
 */
public record WhistleRaised(
        WhistleId whistleId,
        Channel channel,
        String categoryCode,
        String description,
        Location location,
        @Nullable String gridId,
        @Nullable String streetId,
        Urgency urgency,
        Reporter reporter,
        List<EvidenceRef> evidence,
        Instant raisedAt)
        implements WhistleEvent {}
