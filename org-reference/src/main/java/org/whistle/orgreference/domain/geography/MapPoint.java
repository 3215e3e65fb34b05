package org.whistle.orgreference.domain.geography;

/**
 * A location in the coordinate system a base map expects; kept apart from {@link org.whistle.events.GeoPoint}, which is
 * always WGS-84, so an offset point can never be stored by mistake.
 */
public record MapPoint(double lat, double lng, CoordinateSystem system) {}
