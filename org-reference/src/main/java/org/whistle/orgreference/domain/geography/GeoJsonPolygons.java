package org.whistle.orgreference.domain.geography;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads grid areas from GeoJSON (RFC 7946: WGS-84, positions as {@code [longitude, latitude]}) into JTS geometries with
 * longitude as x, refusing anything that could not serve as a grid's area.
 */
public final class GeoJsonPolygons {

    // A repeated member such as two "coordinates" would otherwise silently keep the last one.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private GeoJsonPolygons() {}

    /**
     * Reads a bare {@code Polygon} or {@code MultiPolygon} geometry object.
     *
     * @throws InvalidGeoJsonException saying what is wrong and where
     */
    public static Geometry readGeometry(String geoJson) {
        var root = parse(geoJson);
        try {
            return polygonal(root);
        } catch (Invalid e) {
            throw new InvalidGeoJsonException(e.getMessage());
        }
    }

    /**
     * Reads a {@code Feature} or {@code FeatureCollection} whose features carry {@code properties.code} and a
     * {@code Polygon} or {@code MultiPolygon} geometry, keyed by grid id in document order.
     *
     * @throws InvalidGeoJsonException listing every bad feature by index and grid id, so all can be fixed in one go
     */
    public static Map<String, Geometry> readGrids(String geoJson) {
        var root = parse(geoJson);
        var type = root.path("type").asString("");
        List<JsonNode> features = switch (type) {
            case "Feature" -> List.of(root);
            case "FeatureCollection" -> {
                var array = root.path("features");
                if (!array.isArray()) {
                    throw new InvalidGeoJsonException("a FeatureCollection needs a \"features\" array");
                }
                yield List.copyOf(array.values());
            }
            default ->
                throw new InvalidGeoJsonException("expected a Feature or FeatureCollection, got type \"" + type + "\"");
        };
        var grids = new LinkedHashMap<String, Geometry>();
        var firstFeatureByGridId = new HashMap<String, Integer>();
        var problems = new ArrayList<InvalidGeoJsonException.Problem>();
        for (int index = 0; index < features.size(); index++) {
            var feature = features.get(index);
            var gridIdNode = feature.path("properties").path("code");
            String gridId =
                    gridIdNode.isString() && !gridIdNode.stringValue().isBlank() ? gridIdNode.stringValue() : null;
            try {
                if (!feature.isObject()
                        || !"Feature".equals(feature.path("type").asString(""))) {
                    throw new Invalid("expected a Feature");
                }
                if (gridId == null) {
                    throw new Invalid("properties.code must be a non-blank string");
                }
                var geometry = polygonal(feature.path("geometry"));
                var first = firstFeatureByGridId.putIfAbsent(gridId, index);
                if (first != null) {
                    throw new Invalid("code is already used by feature " + first);
                }
                grids.put(gridId, geometry);
            } catch (Invalid e) {
                problems.add(new InvalidGeoJsonException.Problem(index, gridId, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidGeoJsonException(problems);
        }
        return Collections.unmodifiableMap(grids);
    }

    /** Writes a polygonal geometry back as a bare GeoJSON geometry object, positions as {@code [lng, lat]}. */
    public static String writeGeometry(Geometry geometry) {
        var text = new StringBuilder();
        switch (geometry) {
            case Polygon polygon -> {
                text.append("{\"type\":\"Polygon\",\"coordinates\":");
                appendPolygon(polygon, text);
            }
            case MultiPolygon multi -> {
                text.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
                for (int i = 0; i < multi.getNumGeometries(); i++) {
                    text.append(i == 0 ? "" : ",");
                    appendPolygon((Polygon) multi.getGeometryN(i), text);
                }
                text.append(']');
            }
            default -> throw new IllegalArgumentException("not polygonal: " + geometry.getGeometryType());
        }
        return text.append('}').toString();
    }

    private static void appendPolygon(Polygon polygon, StringBuilder text) {
        text.append('[');
        appendRing(polygon.getExteriorRing(), text);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            text.append(',');
            appendRing(polygon.getInteriorRingN(i), text);
        }
        text.append(']');
    }

    private static void appendRing(LinearRing ring, StringBuilder text) {
        text.append('[');
        var coordinates = ring.getCoordinates();
        for (int i = 0; i < coordinates.length; i++) {
            text.append(i == 0 ? "[" : ",[")
                    .append(coordinates[i].x)
                    .append(',')
                    .append(coordinates[i].y)
                    .append(']');
        }
        text.append(']');
    }

    private static JsonNode parse(String geoJson) {
        JsonNode root;
        try {
            root = MAPPER.readTree(geoJson);
        } catch (JacksonException e) {
            throw new InvalidGeoJsonException("not JSON: " + e.getOriginalMessage());
        }
        if (!root.isObject()) {
            throw new InvalidGeoJsonException("expected a GeoJSON object");
        }
        return root;
    }

    private static Geometry polygonal(JsonNode geometry) {
        if (!geometry.isObject()) {
            throw new Invalid("geometry must be a Polygon or MultiPolygon object");
        }
        var type = geometry.path("type").asString("");
        var coordinates = geometry.path("coordinates");
        Geometry result = switch (type) {
            case "Polygon" -> polygon(coordinates, "");
            case "MultiPolygon" -> {
                requireNonEmptyArray(coordinates, "a MultiPolygon's coordinates must be a non-empty array");
                var polygons = new Polygon[coordinates.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(coordinates.get(i), "polygon " + i + ", ");
                }
                yield GridPolygons.WGS84.createMultiPolygon(polygons);
            }
            default -> throw new Invalid("geometry must be a Polygon or MultiPolygon, got type \"" + type + "\"");
        };
        var problem = GridPolygons.whyUnusable(result);
        if (problem.isPresent()) {
            throw new Invalid(problem.get());
        }
        return result;
    }

    private static Polygon polygon(JsonNode rings, String where) {
        requireNonEmptyArray(rings, where + "a polygon's coordinates must be a non-empty array of rings");
        var linearRings = new LinearRing[rings.size()];
        for (int i = 0; i < linearRings.length; i++) {
            linearRings[i] = ring(rings.get(i), where + "ring " + i);
        }
        return GridPolygons.WGS84.createPolygon(linearRings[0], Arrays.copyOfRange(linearRings, 1, linearRings.length));
    }

    private static LinearRing ring(JsonNode positions, String where) {
        if (!positions.isArray() || positions.size() < 4) {
            throw new Invalid(where + ": a ring needs at least 4 positions");
        }
        var coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = position(positions.get(i), where + ", position " + i);
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new Invalid(where + ": the ring is not closed (its first and last positions differ)");
        }
        return GridPolygons.WGS84.createLinearRing(coordinates);
    }

    private static Coordinate position(JsonNode position, String where) {
        if (!position.isArray() || position.size() < 2) {
            throw new Invalid(where + ": a position is an array [longitude, latitude]");
        }
        for (var element : position.values()) {
            if (!element.isNumber()) {
                throw new Invalid(where + ": a position holds numbers only");
            }
        }
        double lng = position.get(0).doubleValue();
        double lat = position.get(1).doubleValue();
        if (!(lng >= -180 && lng <= 180)) {
            throw new Invalid(where + ": longitude " + lng + " is outside [-180, 180]");
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new Invalid(where + ": latitude " + lat + " is outside [-90, 90]");
        }
        return new Coordinate(lng, lat);
    }

    private static void requireNonEmptyArray(JsonNode node, String message) {
        if (!node.isArray() || node.isEmpty()) {
            throw new Invalid(message);
        }
    }

    /** Unwinds to the feature being read, which turns the reason into a problem naming that feature. */
    private static final class Invalid extends RuntimeException {

        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }
}
