package org.whistle.orgreference.domain.geography;

import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;

/** What makes a geometry usable as a grid's area, shared by the index and the GeoJSON reader. */
final class GridPolygons {

    /** EPSG:4326, longitude as x and latitude as y, as GeoJSON orders positions. */
    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private GridPolygons() {}

    static Optional<String> whyUnusable(Geometry geometry) {
        if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
            return Optional.of("expected a Polygon or MultiPolygon, got a " + geometry.getGeometryType());
        }
        if (geometry.isEmpty()) {
            return Optional.of("the polygon is empty");
        }
        for (var coordinate : geometry.getCoordinates()) {
            if (!(coordinate.x >= -180 && coordinate.x <= 180 && coordinate.y >= -90 && coordinate.y <= 90)) {
                return Optional.of("position " + position(coordinate) + " is outside WGS-84 longitude/latitude range");
            }
        }
        var error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            return Optional.of(
                    "not a valid polygon: " + error.getMessage() + " near " + position(error.getCoordinate()));
        }
        return Optional.empty();
    }

    static String position(Coordinate coordinate) {
        return "[" + coordinate.x + ", " + coordinate.y + "]";
    }
}
