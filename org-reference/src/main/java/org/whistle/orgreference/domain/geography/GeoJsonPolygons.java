package org.whistle.orgreference.domain.geography;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.whistle.texts.Phrase;
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
            throw new InvalidGeoJsonException(e.reason);
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
                    throw new InvalidGeoJsonException(Phrase.of("geojson.featuresArray"));
                }
                yield List.copyOf(array.values());
            }
            // The type the file gave is not echoed: the reader knows what they sent.
            default -> throw new InvalidGeoJsonException(Phrase.of("geojson.featureOrCollection"));
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
                    throw new Invalid(Phrase.of("geojson.feature"));
                }
                if (gridId == null) {
                    throw new Invalid(Phrase.of("geojson.codeRequired"));
                }
                var geometry = polygonal(feature.path("geometry"));
                var first = firstFeatureByGridId.putIfAbsent(gridId, index);
                if (first != null) {
                    throw new Invalid(Phrase.of("geojson.codeRepeated", "feature", first + 1));
                }
                grids.put(gridId, geometry);
            } catch (Invalid e) {
                problems.add(new InvalidGeoJsonException.Problem(index, gridId, e.reason));
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
            throw new InvalidGeoJsonException(Phrase.of("geojson.notJson"));
        }
        if (!root.isObject()) {
            throw new InvalidGeoJsonException(Phrase.of("geojson.notObject"));
        }
        return root;
    }

    private static Geometry polygonal(JsonNode geometry) {
        if (!geometry.isObject()) {
            throw new Invalid(Phrase.of("geojson.geometryObject"));
        }
        var type = geometry.path("type").asString("");
        var coordinates = geometry.path("coordinates");
        Geometry result = switch (type) {
            case "Polygon" -> polygon(coordinates, null);
            case "MultiPolygon" -> {
                requireNonEmptyArray(coordinates, Phrase.of("geojson.multiEmpty"));
                var polygons = new Polygon[coordinates.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(coordinates.get(i), i + 1);
                }
                yield GridPolygons.WGS84.createMultiPolygon(polygons);
            }
            default -> throw new Invalid(Phrase.of("geojson.geometryType"));
        };
        var problem = GridPolygons.whyUnusable(result);
        if (problem.isPresent()) {
            throw new Invalid(problem.get());
        }
        return result;
    }

    /**
     * @param number the polygon's place in a MultiPolygon, counted from 1; null for a Polygon
     */
    private static Polygon polygon(JsonNode rings, @Nullable Integer number) {
        requireNonEmptyArray(
                rings,
                Phrase.of(
                        "geojson.rings",
                        "where",
                        number == null
                                ? Phrase.of("geojson.where.polygon")
                                : Phrase.of("geojson.where.nth", "polygon", number)));
        var linearRings = new LinearRing[rings.size()];
        for (int i = 0; i < linearRings.length; i++) {
            linearRings[i] = ring(
                    rings.get(i),
                    number == null
                            ? Phrase.of("geojson.where.ring", "ring", i + 1)
                            : Phrase.of("geojson.where.polygonRing", "polygon", number, "ring", i + 1));
        }
        return GridPolygons.WGS84.createPolygon(linearRings[0], Arrays.copyOfRange(linearRings, 1, linearRings.length));
    }

    private static LinearRing ring(JsonNode positions, Phrase where) {
        if (!positions.isArray() || positions.size() < 4) {
            throw new Invalid(Phrase.of("geojson.ringShort", "where", where));
        }
        var coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] =
                    position(positions.get(i), Phrase.of("geojson.where.position", "where", where, "position", i + 1));
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new Invalid(Phrase.of("geojson.ringOpen", "where", where));
        }
        return GridPolygons.WGS84.createLinearRing(coordinates);
    }

    private static Coordinate position(JsonNode position, Phrase where) {
        if (!position.isArray() || position.size() < 2) {
            throw new Invalid(Phrase.of("geojson.positionShape", "where", where));
        }
        for (var element : position.values()) {
            if (!element.isNumber()) {
                throw new Invalid(Phrase.of("geojson.positionNumbers", "where", where));
            }
        }
        double lng = position.get(0).doubleValue();
        double lat = position.get(1).doubleValue();
        if (!(lng >= -180 && lng <= 180)) {
            throw new Invalid(Phrase.of("geojson.longitude", "where", where, "value", Double.toString(lng)));
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new Invalid(Phrase.of("geojson.latitude", "where", where, "value", Double.toString(lat)));
        }
        return new Coordinate(lng, lat);
    }

    private static void requireNonEmptyArray(JsonNode node, Phrase reason) {
        if (!node.isArray() || node.isEmpty()) {
            throw new Invalid(reason);
        }
    }

    /** Unwinds to the feature being read, which turns the reason into a problem naming that feature. */
    private static final class Invalid extends RuntimeException {

        final Phrase reason;

        Invalid(Phrase reason) {
            super(reason.key(), null, false, false);
            this.reason = reason;
        }
    }
}
