package org.whistle.events;

import org.jspecify.annotations.Nullable;

/** Where a whistle was raised: a point, an address as the reporter gave it, or both. */
public record Location(@Nullable GeoPoint point, @Nullable String address) {

    public Location {
        if (point == null && (address == null || address.isBlank())) {
            throw new IllegalArgumentException("a location needs a point or an address");
        }
    }
}
