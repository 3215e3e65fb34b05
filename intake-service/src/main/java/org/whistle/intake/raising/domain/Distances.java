package org.whistle.intake.raising.domain;

import org.whistle.events.GeoPoint;

/** Great-circle distances on the WGS-84 mean sphere; metres, good to a fraction of a percent at city scale. */
public final class Distances {

    static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private Distances() {}

    public static double metres(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.lat());
        double lat2 = Math.toRadians(b.lat());
        double dLat = lat2 - lat1;
        double dLng = Math.toRadians(b.lng() - a.lng());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Degrees of latitude and longitude that cover {@code metres} around a point: a box to prefilter in SQL. */
    public static double[] degreesAround(GeoPoint centre, double metres) {
        double dLat = Math.toDegrees(metres / EARTH_RADIUS_METRES);
        double dLng = Math.toDegrees(metres / (EARTH_RADIUS_METRES * Math.cos(Math.toRadians(centre.lat()))));
        return new double[] {dLat, dLng};
    }
}
