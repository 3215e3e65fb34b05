package org.whistle.orgreference.domain.geography;

import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.whistle.texts.Phrase;

/** What makes a geometry usable as a grid's area, shared by the index and the GeoJSON reader. */
final class GridPolygons {

    /** EPSG:4326, longitude as x and latitude as y, as GeoJSON orders positions. */
    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private GridPolygons() {}

    /** Why the geometry cannot serve as a grid's area, worded where it is read; empty when it can. */
    static Optional<Phrase> whyUnusable(Geometry geometry) {
        if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
            return Optional.of(Phrase.of("geojson.notPolygonal"));
        }
        if (geometry.isEmpty()) {
            return Optional.of(Phrase.of("geojson.empty"));
        }
        for (var coordinate : geometry.getCoordinates()) {
            if (!(coordinate.x >= -180 && coordinate.x <= 180 && coordinate.y >= -90 && coordinate.y <= 90)) {
                return Optional.of(Phrase.of("geojson.outOfRange", "position", position(coordinate)));
            }
        }
        var error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            // JTS's error types by number (TopologyValidationError), each worded in the catalogue.
            return Optional.of(Phrase.of(
                    "geojson.invalid",
                    "problem",
                    Phrase.of("geojson.topology." + error.getErrorType()),
                    "position",
                    position(error.getCoordinate())));
        }
        return Optional.empty();
    }

    static String position(Coordinate coordinate) {
        return "[" + coordinate.x + ", " + coordinate.y + "]";
    }
}
