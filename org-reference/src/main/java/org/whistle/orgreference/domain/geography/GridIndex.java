package org.whistle.orgreference.domain.geography;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.whistle.events.GeoPoint;
import org.whistle.texts.Catalogue;

/**
 * Resolves a WGS-84 location to the grid whose area covers it; built once, then immutable and safe to share between
 * threads.
 *
 * <p>Border rule: a point on a grid's boundary belongs to that grid. Where several grids cover a point — on a border
 * they share, or where they overlap — the grid with the lexicographically smallest id ({@link String#compareTo}) wins,
 * so the answer depends only on the polygons and never on the order they were given in or the shape of the index.
 */
public final class GridIndex {

    private final STRtree tree;
    private final int size;

    private GridIndex(STRtree tree, int size) {
        this.tree = tree;
        this.size = size;
    }

    /**
     * Indexes grid areas by grid id; each area is a {@code Polygon} or {@code MultiPolygon} with longitude as x and
     * latitude as y.
     *
     * @throws IllegalArgumentException naming the grid whose area is empty, of another type, out of range or invalid
     */
    public static GridIndex of(Map<String, ? extends Geometry> areasByGridId) {
        var tree = new STRtree();
        for (var entry : areasByGridId.entrySet()) {
            var gridId = entry.getKey();
            var area = entry.getValue();
            var problem = GridPolygons.whyUnusable(area);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(
                        "grid " + gridId + ": " + problem.get().in(Catalogue.english()));
            }
            var prepared = PreparedGeometryFactory.prepare(area);
            // Builds the lazily created point locator now rather than under its lock on the first concurrent queries.
            prepared.covers(area.getInteriorPoint());
            tree.insert(area.getEnvelopeInternal(), new Grid(gridId, prepared));
        }
        tree.build();
        return new GridIndex(tree, areasByGridId.size());
    }

    /** The grid covering the point, following the border rule above; empty when no grid covers it. */
    public Optional<String> gridAt(GeoPoint point) {
        var location = GridPolygons.WGS84.createPoint(new Coordinate(point.lng(), point.lat()));
        @SuppressWarnings("unchecked")
        List<Grid> candidates = tree.query(location.getEnvelopeInternal());
        return candidates.stream()
                .filter(grid -> grid.covers(location))
                .map(Grid::id)
                .min(Comparator.naturalOrder());
    }

    /** How many grids are indexed. */
    public int size() {
        return size;
    }

    private record Grid(String id, PreparedGeometry area) {

        boolean covers(Point location) {
            return area.covers(location);
        }
    }
}
