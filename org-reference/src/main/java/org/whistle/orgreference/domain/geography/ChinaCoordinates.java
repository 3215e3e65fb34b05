package org.whistle.orgreference.domain.geography;

import java.util.function.UnaryOperator;
import org.whistle.events.GeoPoint;

/**
 * Converts between WGS-84 and the offset systems of Chinese map providers (GCJ-02, BD-09).
 *
 * <p>GCJ-02 is applied only inside China; like the widely used open implementations we decide "inside" by a rough
 * bounding rectangle, so points in its foreign corners (e.g. Seoul) are shifted too and points outside pass unchanged.
 * Neither offset has an exact closed-form inverse, so both are inverted by fixed-point iteration against the forward
 * formula: GCJ-02 starting from the shifted point itself, BD-09 from the usual closed-form approximation, which alone
 * misses by up to 2e-6° (about 0.2 m) and would make a stored point drift on every round trip through a Baidu map.
 */
public final class ChinaCoordinates {

    // GCJ-02's offset is defined on the Krasovsky 1940 ellipsoid, not on WGS-84's.
    private static final double KRASOVSKY_A = 6378245.0;
    private static final double KRASOVSKY_EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    // Over China each step shrinks the error at least 50-fold, so at most four steps reach 1e-9° (about 0.1 mm);
    // the bound only guards against an input for which the iteration would not settle.
    private static final double TOLERANCE_DEGREES = 1e-9;
    private static final int MAX_ITERATIONS = 20;

    private ChinaCoordinates() {}

    /**
     * Converts a location given in {@code from} to WGS-84.
     *
     * @throws IllegalArgumentException when latitude or longitude is not a finite value in range
     */
    public static GeoPoint toWgs84(double lat, double lng, CoordinateSystem from) {
        requireCoordinate(lat, lng, from);
        if (from == CoordinateSystem.WGS84 || outOfChina(lat, lng)) {
            return new GeoPoint(lat, lng);
        }
        var gcj = from == CoordinateSystem.BD09 ? bd09ToGcj02(new LatLng(lat, lng)) : new LatLng(lat, lng);
        var wgs = gcj02ToWgs84(gcj);
        return new GeoPoint(wgs.lat(), wgs.lng());
    }

    /** Converts a stored WGS-84 location to what a base map in {@code to} needs to draw it in the right place. */
    public static MapPoint fromWgs84(GeoPoint point, CoordinateSystem to) {
        var wgs = new LatLng(point.lat(), point.lng());
        if (to == CoordinateSystem.WGS84 || outOfChina(wgs.lat(), wgs.lng())) {
            return new MapPoint(wgs.lat(), wgs.lng(), to);
        }
        var gcj = wgs84ToGcj02(wgs);
        var result = to == CoordinateSystem.BD09 ? gcj02ToBd09(gcj) : gcj;
        return new MapPoint(result.lat(), result.lng(), to);
    }

    static boolean outOfChina(double lat, double lng) {
        return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    static LatLng wgs84ToGcj02(LatLng wgs) {
        double x = wgs.lng() - 105.0;
        double y = wgs.lat() - 35.0;
        double radLat = wgs.lat() / 180.0 * Math.PI;
        double magic = 1 - KRASOVSKY_EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        double dLat = (offsetLat(x, y) * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        double dLng = (offsetLng(x, y) * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new LatLng(wgs.lat() + dLat, wgs.lng() + dLng);
    }

    static LatLng gcj02ToWgs84(LatLng gcj) {
        return invert(gcj, ChinaCoordinates::wgs84ToGcj02, gcj);
    }

    static LatLng gcj02ToBd09(LatLng gcj) {
        double x = gcj.lng();
        double y = gcj.lat();
        double z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
        return new LatLng(z * Math.sin(theta) + 0.006, z * Math.cos(theta) + 0.0065);
    }

    static LatLng bd09ToGcj02(LatLng bd) {
        return invert(bd, ChinaCoordinates::gcj02ToBd09, bd09ToGcj02Approximately(bd));
    }

    static LatLng bd09ToGcj02Approximately(LatLng bd) {
        double x = bd.lng() - 0.0065;
        double y = bd.lat() - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        return new LatLng(z * Math.sin(theta), z * Math.cos(theta));
    }

    /** Finds p with forward(p) = target; converges because both offsets change only slowly from place to place. */
    private static LatLng invert(LatLng target, UnaryOperator<LatLng> forward, LatLng firstGuess) {
        double lat = firstGuess.lat();
        double lng = firstGuess.lng();
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            var image = forward.apply(new LatLng(lat, lng));
            double errorLat = image.lat() - target.lat();
            double errorLng = image.lng() - target.lng();
            if (Math.abs(errorLat) < TOLERANCE_DEGREES && Math.abs(errorLng) < TOLERANCE_DEGREES) {
                break;
            }
            lat -= errorLat;
            lng -= errorLng;
        }
        return new LatLng(lat, lng);
    }

    private static double offsetLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double offsetLng(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }

    private static void requireCoordinate(double lat, double lng, CoordinateSystem system) {
        if (!(lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180)) {
            throw new IllegalArgumentException("not a " + system + " coordinate: " + lat + "," + lng);
        }
    }

    record LatLng(double lat, double lng) {}
}
