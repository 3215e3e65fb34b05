package org.whistle.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A whistle was raised (吹哨) and accepted by intake. Grid and street are resolved from the location when it lies
 * inside a grid; dispatch files it with the street command centre or, without one, the district (兜底).
 */
public record WhistleRaised(
        WhistleId whistleId,
        String trackingCode,
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
