package org.whistle.dispatch.ticket;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.events.GeoPoint;

/**
 * Where a ticket's whistle was raised: its grid and street as intake resolved them, the area path (node codes, city
 * first) that scope checks and rollups read, and the point (WGS-84) the 大屏 map shows, when the reporter gave one.
 */
public record Placement(
        @Nullable String gridId,
        @Nullable String streetId,
        List<String> areaPath,
        @Nullable GeoPoint point) {

    public Placement {
        areaPath = List.copyOf(areaPath);
    }
}
