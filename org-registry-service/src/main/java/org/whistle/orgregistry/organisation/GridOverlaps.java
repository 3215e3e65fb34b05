package org.whistle.orgregistry.organisation;

import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.whistle.orgreference.domain.geography.GeoJsonPolygons;

/** Grids tile the city: two may share a border, never an area. */
final class GridOverlaps {

    /** Shared borders computed in floating point leave slivers this small (about 1 m² near Qiqihar). */
    private static final double TOLERANCE_SQUARE_DEGREES = 1e-10;

    private GridOverlaps() {}

    static Optional<String> firstOverlap(Geometry area, Map<String, String> othersByCode) {
        return othersByCode.entrySet().stream()
                .filter(other -> overlap(area, GeoJsonPolygons.readGeometry(other.getValue())))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst();
    }

    static boolean overlap(Geometry a, Geometry b) {
        return a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())
                && a.intersects(b)
                && a.intersection(b).getArea() > TOLERANCE_SQUARE_DEGREES;
    }
}
