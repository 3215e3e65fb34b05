package org.whistle.intake.raising.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.whistle.events.Channel;
import org.whistle.events.EvidenceRef;
import org.whistle.events.GeoPoint;
import org.whistle.events.Location;
import org.whistle.events.Reporter;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleRaised;
import org.whistle.security.personaldata.PersonalData;

/**
 * A whistle as raised, every field checked once: the one shape intake stores as a row, publishes as
 * {@code whistle-raised} and answers its reporter from (ADR 0027). Nothing else copies its fields.
 *
 * @param description the reporter's words as written; only {@link #raisedEvent()} masks the phones in them
 * @param grid the grid the point (or the hotline dispatcher's confirmed grid) lies in; null when none
 * @param ancestry the org chain down to the grid, or the city code alone for a whistle in no grid
 * @param fallbackOwner the command centre answering for a whistle in no grid (兜底); null when a grid was found
 * @param phone the reporter's number in full; it never leaves intake but encrypted in the row
 * @param mediaUrl a link to a photo an Open311 client gave: kept as written, never fetched
 * @param evidence the photos and videos kept with it
 */
public record Whistle(
        WhistleId id,
        Channel channel,
        String categoryCode,
        String description,
        @Nullable GeoPoint point,
        @Nullable String address,
        @Nullable Place grid,
        @Nullable Place street,
        List<String> ancestry,
        @Nullable Place fallbackOwner,
        Urgency urgency,
        Reporter reporter,
        @Nullable PhoneNumber phone,
        @Nullable String mediaUrl,
        List<EvidenceRef> evidence,
        Instant raisedAt) {

    public Whistle {
        Objects.requireNonNull(id);
        Objects.requireNonNull(channel);
        if (point == null && address == null) {
            throw new IllegalArgumentException("a whistle is somewhere: a point or an address");
        }
        if ((grid == null) == (fallbackOwner == null)) {
            throw new IllegalArgumentException("a whistle lies in a grid or has a fallback owner, not both or neither");
        }
        ancestry = List.copyOf(ancestry);
        evidence = List.copyOf(evidence);
    }

    /** The same whistle with the evidence kept for it. */
    public Whistle withEvidence(List<EvidenceRef> kept) {
        return new Whistle(
                id,
                channel,
                categoryCode,
                description,
                point,
                address,
                grid,
                street,
                ancestry,
                fallbackOwner,
                urgency,
                reporter,
                phone,
                mediaUrl,
                kept,
                raisedAt);
    }

    /** Who uploaded its evidence, as the media store records it: never a full number. */
    public String uploadedBy() {
        if (reporter.userId() != null) {
            return "user:" + reporter.userId();
        }
        return phone != null ? "phone:" + phone.masked() : "anonymous";
    }

    /** {@code whistle-raised}: the bus carries masked phones only; intake keeps the words as written. */
    public WhistleRaised raisedEvent() {
        return new WhistleRaised(
                id,
                channel,
                categoryCode,
                PersonalData.phonesIn(description),
                new Location(point, address),
                grid == null ? null : grid.id(),
                street == null ? null : street.id(),
                urgency,
                reporter,
                evidence,
                raisedAt);
    }
}
