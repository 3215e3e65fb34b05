package org.whistle.orgreference.domain.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.whistle.events.GeoPoint;
import org.whistle.texts.Catalogue;

class GeoJsonPolygonsTest {

    private static final String SQUARE = "[[123.5,47.0],[124.0,47.0],[124.0,47.5],[123.5,47.5],[123.5,47.0]]";
    private static final String HOLE = "[[123.6,47.1],[123.6,47.4],[123.9,47.4],[123.9,47.1],[123.6,47.1]]";

    @Test
    void writesWhatItReadsSoStoredBoundariesRoundTrip() {
        var multi = "{\"type\":\"MultiPolygon\",\"coordinates\":[[" + SQUARE + "," + HOLE
                + "],[[[126.5,47.0],[127.0,47.0],[127.0,47.5],[126.5,47.0]]]]}";

        var read = GeoJsonPolygons.readGeometry(multi);
        var reread = GeoJsonPolygons.readGeometry(GeoJsonPolygons.writeGeometry(read));

        assertThat(reread.equalsExact(read)).isTrue();
        assertThat(reread.getArea()).isEqualTo(read.getArea());
    }

    @Test
    void readsAPolygonWithAHoleWithLongitudeAsX() {
        var geometry = GeoJsonPolygons.readGeometry("""
                {"type": "Polygon", "coordinates": [%s, %s]}""".formatted(SQUARE, HOLE));

        assertThat(geometry).isInstanceOf(Polygon.class);
        var polygon = (Polygon) geometry;
        assertThat(polygon.getNumInteriorRing()).isEqualTo(1);
        assertThat(polygon.getExteriorRing().getCoordinateN(1).x).isEqualTo(124.0);
        assertThat(polygon.getExteriorRing().getCoordinateN(2).y).isEqualTo(47.5);
    }

    @Test
    void readsAMultiPolygonAndIgnoresAltitudes() {
        var geometry = GeoJsonPolygons.readGeometry("""
                {"type": "MultiPolygon", "coordinates": [
                  [[[123.0,47.0,140.0],[123.25,47.0,140.0],[123.25,47.25,141.5],[123.0,47.0,140.0]]],
                  [%s]
                ]}""".formatted(SQUARE));

        assertThat(geometry).isInstanceOf(MultiPolygon.class);
        assertThat(geometry.getNumGeometries()).isEqualTo(2);
    }

    @Test
    void readsAFeatureCollectionKeyedByGridIdInDocumentOrderReadyForTheIndex() {
        var grids = GeoJsonPolygons.readGrids("""
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "longsha-07", "name": "网格七"},
                   "geometry": {"type": "Polygon", "coordinates": [%s]}},
                  {"type": "Feature", "properties": {"code": "longsha-03"},
                   "geometry": {"type": "Polygon", "coordinates": [[[124.0,47.0],[124.5,47.0],[124.5,47.5],[124.0,47.0]]]}}
                ]}""".formatted(SQUARE));

        assertThat(grids).containsOnlyKeys("longsha-07", "longsha-03");
        assertThat(grids.keySet()).containsExactly("longsha-07", "longsha-03");
        assertThat(GridIndex.of(grids).gridAt(new GeoPoint(47.25, 123.75))).contains("longsha-07");
    }

    @Test
    void readsASingleFeature() {
        var grids = GeoJsonPolygons.readGrids("""
                {"type": "Feature", "properties": {"code": "gannan-01"},
                 "geometry": {"type": "Polygon", "coordinates": [%s]}}""".formatted(SQUARE));

        assertThat(grids).containsOnlyKeys("gannan-01");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unclosed ring      | [[[123.5,47.0],[124.0,47.0],[124.0,47.5],[123.5,47.5],[123.5,47.1]]] | ring 1: the ring is not closed
            too few positions  | [[[123.5,47.0],[124.0,47.0],[123.5,47.0]]]                           | ring 1: a ring needs at least 4 positions
            longitude range    | [[[123.5,47.0],[184.0,47.0],[124.0,47.5],[123.5,47.0]]]              | ring 1, position 2: longitude 184.0 is outside [-180, 180]
            latitude range     | [[[123.5,47.0],[124.0,-91.0],[124.0,47.5],[123.5,47.0]]]             | ring 1, position 2: latitude -91.0 is outside [-90, 90]
            not a number       | [[[123.5,47.0],[124.0,"47"],[124.0,47.5],[123.5,47.0]]]              | ring 1, position 2: a position holds numbers only
            self-intersection  | [[[123.5,47.0],[124.0,47.5],[124.0,47.0],[123.5,47.5],[123.5,47.0]]] | not a valid polygon: Self-intersection near [123.75, 47.25]
            hole outside shell | [[[123.5,47.0],[124.0,47.0],[124.0,47.5],[123.5,47.0]],[[125.0,47.0],[125.5,47.0],[125.5,47.5],[125.0,47.0]]] | not a valid polygon: Hole lies outside shell
            no rings           | []                                                                   | the polygon: the coordinates must be a non-empty array of rings
            """)
    void refusesAPolygonSayingWhatIsWrong(String problem, String coordinates, String reason) {
        assertThatExceptionOfType(InvalidGeoJsonException.class)
                .isThrownBy(() ->
                        GeoJsonPolygons.readGeometry("{\"type\": \"Polygon\", \"coordinates\": " + coordinates + "}"))
                .withMessageContaining(reason);
    }

    @Test
    void refusesGeometryThatIsNotAnArea() {
        assertThatExceptionOfType(InvalidGeoJsonException.class)
                .isThrownBy(() -> GeoJsonPolygons.readGeometry(
                        "{\"type\": \"LineString\", \"coordinates\": [[123.5,47.0],[124.0,47.0]]}"))
                .withMessage("geometry must be a Polygon or MultiPolygon");
    }

    @Test
    void namesThePolygonOfAMultiPolygonThatIsWrong() {
        assertThatExceptionOfType(InvalidGeoJsonException.class)
                .isThrownBy(() -> GeoJsonPolygons.readGeometry("""
                        {"type": "MultiPolygon", "coordinates": [[%s], [[[0,0],[1,0],[0,0]]]]}""".formatted(SQUARE)))
                .withMessageContaining("polygon 2, ring 1: a ring needs at least 4 positions");
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThatExceptionOfType(InvalidGeoJsonException.class)
                .isThrownBy(() -> GeoJsonPolygons.readGeometry("{\"type\": \"Polygon\", "))
                .withMessageStartingWith("not JSON");
        assertThatExceptionOfType(InvalidGeoJsonException.class)
                .isThrownBy(() -> GeoJsonPolygons.readGeometry("[1, 2]"))
                .withMessage("expected a GeoJSON object");
        assertThatExceptionOfType(InvalidGeoJsonException.class)
                .isThrownBy(() -> GeoJsonPolygons.readGeometry(""))
                .withMessage("expected a GeoJSON object");
    }

    @Test
    void refusesARepeatedMemberInsteadOfKeepingTheLastOne() {
        assertThatExceptionOfType(InvalidGeoJsonException.class)
                .isThrownBy(() -> GeoJsonPolygons.readGeometry(
                        "{\"type\": \"Polygon\", \"coordinates\": [%s], \"coordinates\": []}".formatted(SQUARE)))
                // Refused as the parser refuses it, without the parser's own (English, technical) words.
                .withMessage("not JSON");
    }

    @Test
    void reportsEveryBadFeatureByIndexAndGridId() {
        var invalid = assertThatExceptionOfType(InvalidGeoJsonException.class)
                .isThrownBy(() -> GeoJsonPolygons.readGrids("""
                        {"type": "FeatureCollection", "features": [
                          {"type": "Feature", "properties": {"code": "ok-1"},
                           "geometry": {"type": "Polygon", "coordinates": [%1$s]}},
                          {"type": "Feature", "properties": {"code": "open-2"},
                           "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,1]]]}},
                          {"type": "Feature", "properties": {"name": "no id"},
                           "geometry": {"type": "Polygon", "coordinates": [%1$s]}},
                          {"type": "Feature", "properties": {"code": "ok-1"},
                           "geometry": {"type": "Polygon", "coordinates": [%1$s]}},
                          {"type": "Feature", "properties": {"code": "point-5"},
                           "geometry": {"type": "Point", "coordinates": [123.5, 47.0]}},
                          {"type": "Feature", "properties": {"code": "none-6"}, "geometry": null}
                        ]}""".formatted(SQUARE)))
                .actual();

        assertThat(invalid.problems().stream()
                        .map(problem -> problem.featureIndex() + " " + problem.gridId() + " " + problem.english()))
                .containsExactly(
                        "1 open-2 ring 1: the ring is not closed (its first and last positions differ)",
                        "2 null properties.code must be a non-blank string",
                        "3 ok-1 code is already used by feature 1",
                        "4 point-5 geometry must be a Polygon or MultiPolygon",
                        "5 none-6 geometry must be a Polygon or MultiPolygon object");
        // The same problems in Chinese, for a reader who did not ask for English.
        assertThat(invalid.problems().getFirst().reason().in(Catalogue.chinese()))
                .isEqualTo("第 1 个环未闭合（首尾坐标点不同）");
        assertThat(invalid).hasMessageStartingWith("feature 2 (code open-2): ring 1: the ring is not closed");
    }

    @Test
    void refusesACollectionWithoutFeaturesOrADocumentOfAnotherType() {
        assertThatExceptionOfType(InvalidGeoJsonException.class)
                .isThrownBy(() -> GeoJsonPolygons.readGrids("{\"type\": \"FeatureCollection\"}"))
                .withMessage("a FeatureCollection needs a \"features\" array");
        assertThatExceptionOfType(InvalidGeoJsonException.class)
                .isThrownBy(() ->
                        GeoJsonPolygons.readGrids("{\"type\": \"Polygon\", \"coordinates\": [%s]}".formatted(SQUARE)))
                .withMessage("expected a Feature or FeatureCollection");
    }
}
