package org.whistle.intake.raising;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.events.EvidenceRef;
import org.whistle.events.GeoPoint;
import org.whistle.events.WhistleId;

/**
 * A whistle just raised: what its reporter needs to follow it.
 *
 * @param fallbackOwner the command centre answering for a whistle in no grid (兜底); null when a grid was found
 */
public record Raised(
        WhistleId id,
        String trackingCode,
        String categoryCode,
        @Nullable Place grid,
        @Nullable Place street,
        @Nullable Place fallbackOwner,
        @Nullable GeoPoint location,
        List<EvidenceRef> evidence,
        Instant raisedAt) {

    /** An org node or unit by code and name. */
    public record Place(String id, String name) {}
}
