package org.whistle.orgreference.domain.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.whistle.orgreference.domain.geography.CoordinateSystem.BD09;
import static org.whistle.orgreference.domain.geography.CoordinateSystem.GCJ02;
import static org.whistle.orgreference.domain.geography.CoordinateSystem.WGS84;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.whistle.events.GeoPoint;
import org.whistle.orgreference.domain.geography.ChinaCoordinates.LatLng;

class ChinaCoordinatesTest {

    private static final Offset<Double> FORWARD = within(1e-9);
    private static final Offset<Double> INVERSE = within(1e-6);

    // GCJ-02 and BD-09 computed from the WGS-84 points with the standard forward formulas as implemented
    // independently by the coordtransform package (wandergis/coordtransform 2.1.2).
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Qiqihar Longsha,  47.342, 123.957, 47.34409668617136, 123.96362494579577, 47.35046037938054, 123.96998148659942",
        "Qiqihar Gannan,   47.917, 123.507, 47.91915632369399, 123.51388948046042, 47.92508780081692, 123.52043509886613",
        "Beijing Tiananmen,39.915, 116.404, 39.91640428150164, 116.41024449916938, 39.922699552216216, 116.41662724378733"
    })
    void convertsKnownPointsBothWays(
            String place, double lat, double lng, double gcjLat, double gcjLng, double bdLat, double bdLng) {
        var wgs = new GeoPoint(lat, lng);

        assertThat(ChinaCoordinates.fromWgs84(wgs, GCJ02)).satisfies(p -> {
            assertThat(p.lat()).isCloseTo(gcjLat, FORWARD);
            assertThat(p.lng()).isCloseTo(gcjLng, FORWARD);
            assertThat(p.system()).isEqualTo(GCJ02);
        });
        assertThat(ChinaCoordinates.fromWgs84(wgs, BD09)).satisfies(p -> {
            assertThat(p.lat()).isCloseTo(bdLat, FORWARD);
            assertThat(p.lng()).isCloseTo(bdLng, FORWARD);
        });
        assertClose(ChinaCoordinates.toWgs84(gcjLat, gcjLng, GCJ02), wgs, INVERSE);
        assertClose(ChinaCoordinates.toWgs84(bdLat, bdLng, BD09), wgs, INVERSE);
    }

    // The pairs published in the coordtransform README for the point 116.404, 39.915 near Tiananmen.
    @Test
    void matchesThePublishedTiananmenPairs() {
        var gcj = ChinaCoordinates.fromWgs84(new GeoPoint(39.915, 116.404), GCJ02);
        assertThat(gcj.lat()).isCloseTo(39.91640428150164, FORWARD);
        assertThat(gcj.lng()).isCloseTo(116.41024449916938, FORWARD);

        var bd = ChinaCoordinates.gcj02ToBd09(new LatLng(39.915, 116.404));
        assertThat(bd.lat()).isCloseTo(39.92133699351021, FORWARD);
        assertThat(bd.lng()).isCloseTo(116.41036949371029, FORWARD);

        var fromBd = ChinaCoordinates.bd09ToGcj02Approximately(new LatLng(39.915, 116.404));
        assertThat(fromBd.lat()).isCloseTo(39.90865673957631, FORWARD);
        assertThat(fromBd.lng()).isCloseTo(116.39762729119315, FORWARD);
    }

    // Subtracting the offset found at the shifted point, or the closed-form BD-09 inverse, would miss here by ~2e-6°.
    @Test
    void invertsBothOffsetsFarMoreCloselyThanTheClosedFormApproximations() {
        var tiananmen = new GeoPoint(39.915, 116.404);

        assertClose(ChinaCoordinates.toWgs84(39.91640428150164, 116.41024449916938, GCJ02), tiananmen, within(1e-8));
        assertClose(ChinaCoordinates.toWgs84(39.922699552216216, 116.41662724378733, BD09), tiananmen, within(1e-8));
    }

    @Test
    void roundTripsEveryPointOfAGridOverChina() {
        double worstGcj = 0;
        double worstBd = 0;
        double worstInverseFirst = 0;
        for (double lat = 18.0; lat <= 53.5; lat += 0.25) {
            for (double lng = 74.0; lng <= 134.5; lng += 0.25) {
                var wgs = new GeoPoint(lat, lng);
                var gcj = ChinaCoordinates.fromWgs84(wgs, GCJ02);
                var bd = ChinaCoordinates.fromWgs84(wgs, BD09);
                worstGcj = Math.max(worstGcj, distance(ChinaCoordinates.toWgs84(gcj.lat(), gcj.lng(), GCJ02), wgs));
                worstBd = Math.max(worstBd, distance(ChinaCoordinates.toWgs84(bd.lat(), bd.lng(), BD09), wgs));

                var recovered = ChinaCoordinates.toWgs84(lat, lng, GCJ02);
                var reshifted = ChinaCoordinates.fromWgs84(recovered, GCJ02);
                worstInverseFirst = Math.max(
                        worstInverseFirst, Math.max(Math.abs(reshifted.lat() - lat), Math.abs(reshifted.lng() - lng)));
            }
        }

        assertThat(worstGcj).isLessThan(1e-8);
        assertThat(worstBd).isLessThan(1e-8);
        assertThat(worstInverseFirst).isLessThan(1e-8);
    }

    @ParameterizedTest
    @EnumSource(CoordinateSystem.class)
    void passesPointsOutsideChinaThroughUnchanged(CoordinateSystem system) {
        var places = new GeoPoint[] {
            new GeoPoint(35.6812, 139.7671), new GeoPoint(51.5007, -0.1246), new GeoPoint(-33.8568, 151.2153)
        };
        for (var place : places) {
            assertThat(ChinaCoordinates.toWgs84(place.lat(), place.lng(), system))
                    .isEqualTo(place);
            assertThat(ChinaCoordinates.fromWgs84(place, system))
                    .isEqualTo(new MapPoint(place.lat(), place.lng(), system));
        }
    }

    @Test
    void leavesWgs84InsideChinaUnchanged() {
        assertThat(ChinaCoordinates.toWgs84(47.342, 123.957, WGS84)).isEqualTo(new GeoPoint(47.342, 123.957));
        assertThat(ChinaCoordinates.fromWgs84(new GeoPoint(47.342, 123.957), WGS84))
                .isEqualTo(new MapPoint(47.342, 123.957, WGS84));
    }

    @Test
    void refusesCoordinatesOutOfRangeNamingTheSystem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ChinaCoordinates.toWgs84(91, 123.9, GCJ02))
                .withMessageContaining("GCJ02");
        assertThatIllegalArgumentException().isThrownBy(() -> ChinaCoordinates.toWgs84(47.3, Double.NaN, BD09));
    }

    private static void assertClose(GeoPoint actual, GeoPoint expected, Offset<Double> offset) {
        assertThat(actual.lat()).isCloseTo(expected.lat(), offset);
        assertThat(actual.lng()).isCloseTo(expected.lng(), offset);
    }

    private static double distance(GeoPoint a, GeoPoint b) {
        return Math.max(Math.abs(a.lat() - b.lat()), Math.abs(a.lng() - b.lng()));
    }
}
