package org.whistle.intake.raising.domain;

import org.whistle.events.GeoPoint;

/**
 * The area the city answers for, as a box in WGS-84. A point inside it but in no grid goes to the fallback owner
 * (兜底); a point outside it is not the city's to handle.
 */
public record CityExtent(double south, double west, double north, double east) {

    public CityExtent {
        if (!(south < north && west < east)) {
            throw new IllegalArgumentException("the city's extent needs south < north and west < east");
        }
    }

    public boolean contains(GeoPoint point) {
        return point.lat() >= south && point.lat() <= north && point.lng() >= west && point.lng() <= east;
    }
}
