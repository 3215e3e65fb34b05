package org.whistle.dispatch.ticket;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a ticket's whistle was raised: its grid and street as intake resolved them, and the area path (node codes,
 * city first) that scope checks and rollups read.
 */
public record Placement(@Nullable String gridId, @Nullable String streetId, List<String> areaPath) {

    public Placement {
        areaPath = List.copyOf(areaPath);
    }
}
