package org.whistle.intake.raising;

import org.jspecify.annotations.Nullable;

/**
 * A request to raise a whistle as it came in, before any of it is trusted: every field is checked by
 * {@link RaisingWhistles}, which names the fields it refuses.
 *
 * @param crs the coordinate system of lat/lng: WGS84 (default), GCJ02 or BD09
 * @param phone the reporter's mainland mobile number, if they give one
 * @param urgency NORMAL or URGENT; the category's default when absent
 * @param gridId for a HOTLINE whistle without coordinates, the grid the dispatcher confirmed for the caller's address
 *     (proposed by {@code GET /api/whistles/places})
 * @param mediaUrl an Open311 client's link to a photo (http or https), kept as a link
 */
public record RaiseWhistle(
        @Nullable String channel,
        @Nullable String category,
        @Nullable String description,
        @Nullable Double lat,
        @Nullable Double lng,
        @Nullable String crs,
        @Nullable String address,
        @Nullable String phone,
        @Nullable String urgency,
        @Nullable String gridId,
        @Nullable String mediaUrl) {}
