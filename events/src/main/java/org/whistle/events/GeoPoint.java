package org.whistle.events;

/** A point in WGS-84 (CGCS2000 agrees to within centimetres); other systems are converted before they get here. */
public record GeoPoint(double lat, double lng) {

    public GeoPoint {
        if (lat < -90 || lat > 90 || lng < -180 || lng > 180 || Double.isNaN(lat) || Double.isNaN(lng)) {
            throw new IllegalArgumentException("not a WGS-84 coordinate: " + lat + "," + lng);
        }
    }
}
