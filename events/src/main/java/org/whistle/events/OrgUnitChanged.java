package org.whistle.events;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The current state of one organisation unit: an administrative node (city … grid … entrance), a command centre or
 * a handling unit (department, property company, owners' committee …).
 *
 * @param kind the unit's kind as org-registry names it (e.g. {@code GRID}, {@code DEPARTMENT}); a string so new
 *     kinds need no contract version
 * @param ancestry ids from the city down to the parent, so consumers resolve subtrees without the whole tree
 * @param commandLevel the command level the unit belongs to, where it has one
 * @param areaId for a handling unit, the node it is responsible for (its area); null for administrative nodes
 * @param boundary for a grid, its area as a GeoJSON {@code Polygon} or {@code MultiPolygon} geometry in WGS-84, so
 *     consumers can resolve locations without calling org-registry
 */
public record OrgUnitChanged(
        String unitId,
        String code,
        String name,
        String kind,
        @Nullable String parentId,
        List<String> ancestry,
        @Nullable CommandLevel commandLevel,
        boolean active,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable String areaId,
        @Nullable String boundary)
        implements ReferenceEvent {

    @Override
    public String key() {
        return unitId;
    }
}
