package org.whistle.orgregistry.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.GeoPoint;
import org.whistle.orgreference.domain.geography.ChinaCoordinates;
import org.whistle.orgreference.domain.geography.CoordinateSystem;
import org.whistle.orgreference.domain.geography.GeoJsonPolygons;
import org.whistle.orgreference.domain.geography.GridIndex;
import org.whistle.orgregistry.organisation.OrganisationTree.NodeView;
import org.whistle.orgregistry.organisation.OrganisationTree.UnitView;
import org.whistle.orgregistry.organisation.domain.UnitKind;

/**
 * Finds the grid a location lies in. Input in GCJ-02 or BD-09 is converted to WGS-84 first. The spatial index of
 * the active grids is built once and rebuilt only when a boundary or a grid's validity changed, which a cheap
 * stamp query tells on each call (so every replica sees changes made through any other).
 */
@Service
@Transactional(readOnly = true)
public class ResolvingLocations {

    private final OverlayStore overlays;
    private final NodeStore nodes;
    private final OrganisationTree tree;
    private final Clock clock;
    private volatile Cached cached = new Cached("", LocalDate.MIN, GridIndex.of(java.util.Map.of()));

    ResolvingLocations(OverlayStore overlays, NodeStore nodes, OrganisationTree tree, Clock clock) {
        this.overlays = overlays;
        this.nodes = nodes;
        this.tree = tree;
        this.clock = clock;
    }

    /** Where a location lies: its grid, the grid's ancestry from the city down, and the command centres there. */
    public record Resolution(GeoPoint wgs84, NodeView grid, List<NodeView> ancestry, List<UnitView> commandCentres) {}

    private record Cached(String stamp, LocalDate day, GridIndex index) {}

    public Optional<Resolution> resolve(double lat, double lng, CoordinateSystem crs) {
        var point = ChinaCoordinates.toWgs84(lat, lng, crs);
        return index().gridAt(point).map(grid -> {
            var ancestry = tree.ancestry(grid);
            var centres = tree.unitsFor(grid, true, UnitKind.COMMAND_CENTRE).stream()
                    .filter(UnitView::active)
                    .toList();
            return new Resolution(point, ancestry.getLast(), ancestry, centres);
        });
    }

    private GridIndex index() {
        var stamp = overlays.boundaryStamp();
        var today = LocalDate.now(clock.withZone(MaintainingOrganisation.CITY_ZONE));
        var current = cached;
        if (current.stamp().equals(stamp) && current.day().equals(today)) {
            return current.index();
        }
        var areas = new HashMap<String, org.locationtech.jts.geom.Geometry>();
        overlays.boundariesWithin("/")
                .forEach((code, json) -> nodes.find(code)
                        .filter(grid -> grid.node().activeOn(today))
                        .ifPresent(grid -> areas.put(code, GeoJsonPolygons.readGeometry(json))));
        var rebuilt = new Cached(stamp, today, GridIndex.of(areas));
        cached = rebuilt;
        return rebuilt.index();
    }
}
